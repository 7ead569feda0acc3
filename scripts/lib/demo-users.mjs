// The sign-ins db/seed.ts creates, printed by `npm run demo`. Kept here, not imported from
// app code, so the script runs before anything is compiled. Keep in step with db/seed.ts.
export const DEMO_PASSWORD = "assay-demo-password";

export const DEMO_ROLES = [
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
];

/** @param {string} role */
export const demoEmail = (role) => `${role}@assay.local`;

/** Sign-ins beyond one per role, with what they are for. */
export const EXTRA_DEMO_USERS = [{ label: "ml_lead + qa_lead", email: "lead-and-qa@assay.local" }];
