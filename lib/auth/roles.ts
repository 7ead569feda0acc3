export const ROLES = [
  "admin",
  "ml_engineer",
  "data_scientist",
  "ml_lead",
  "qa_lead",
  "security_lead",
  "product_owner",
  "compliance_officer",
  "ops",
  "auditor",
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  ml_engineer: "ML engineer",
  data_scientist: "Data scientist",
  ml_lead: "ML lead",
  qa_lead: "QA lead",
  security_lead: "Security lead",
  product_owner: "Product owner",
  compliance_officer: "Compliance officer",
  ops: "Ops",
  auditor: "Auditor",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
