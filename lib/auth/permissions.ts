/** The roles, the one permission table and the API key scopes: the names of access, imported by server and client code. */
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

/**
 * The one permission table: `resource.verb` → the roles that hold it. Every server action
 * and session-authenticated route handler names one of these; the permission-matrix test
 * fails for an action whose permission is missing here. Modules add their rows.
 */
export const PERMISSIONS = {
  // Everyone signed in manages their own second factor and sees the home page.
  "account.manage": [
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
  ],
  "users.read": ["admin"],
  "users.manage": ["admin"],
  "api_keys.manage": ["admin"],
  "audit.read": ["auditor", "compliance_officer", "security_lead", "admin"],
  "audit.verify": ["auditor", "compliance_officer", "security_lead", "admin"],
  "audit.checkpoint": ["auditor", "compliance_officer", "security_lead", "admin"],
  // Taking evidence away is narrower than reading it.
  "audit.export": ["auditor", "compliance_officer", "admin"],
  // Model governance (issue 4). Reading the registry and its history is for everyone who
  // registers, approves or audits models.
  "models.read": [
    "admin",
    "ml_engineer",
    "data_scientist",
    "ml_lead",
    "qa_lead",
    "security_lead",
    "product_owner",
    "compliance_officer",
    "auditor",
  ],
  "models.write": ["ml_engineer", "data_scientist"],
  "models.request_promotion": ["ml_engineer", "data_scientist", "ml_lead"],
  // Every role the approval policy may name; the policy then says which are needed where.
  "models.approve": ["ml_engineer", "ml_lead", "qa_lead", "security_lead", "product_owner", "compliance_officer"],
  "models.policy_manage": ["admin", "compliance_officer"],
  // The quality bar is set by those who own quality, not by those measured against it.
  "models.thresholds_manage": ["ml_lead", "qa_lead", "compliance_officer"],
  // Privacy and consent (issue 7). Recording consent is for those accountable for it.
  "privacy.read": ["admin", "compliance_officer", "auditor"],
  "consent.write": ["admin", "compliance_officer"],
  "consent.check": ["admin", "compliance_officer", "auditor"],
  "privacy.requests_manage": ["admin", "compliance_officer"],
  "privacy.register_manage": ["admin", "compliance_officer"],
  "privacy.export": ["admin", "compliance_officer"],
  // Controls (issue 6): everyone reads the catalog and calendar; contributors record their own controls' tests and upload evidence (the service checks ownership); auditors only read and export.
  "controls.read": [
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
  ],
  "controls.contribute": [
    "admin",
    "ml_engineer",
    "data_scientist",
    "ml_lead",
    "qa_lead",
    "security_lead",
    "product_owner",
    "compliance_officer",
    "ops",
  ],
  "controls.manage": ["admin", "compliance_officer"],
  "controls.export": ["auditor", "compliance_officer", "admin"],
  // Availability (issue 5): ops and admins run it; auditors and compliance read it and take the SLA report.
  "availability.read": ["admin", "ops", "auditor", "compliance_officer"],
  "availability.incidents": ["admin", "ops"],
  "availability.manage": ["admin", "ops"],
  "availability.report": ["admin", "ops", "auditor", "compliance_officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/** For the UI: whether any of these roles holds the permission. The server checks again. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** API key scopes, for machine clients (route handlers under /api/v1). */
export const API_SCOPES = ["audit:write", "audit:read", "models:write", "availability:write", "consent:check", "consent:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
