import type { Role } from "@/lib/auth/roles";

export type RoleGuide = { summary: string; status: "available" | "coming"; links?: { href: string; label: string }[] };

const APPROVER =
  "Review model promotion requests: read their evidence (metrics, training-data hash, control-test status) and approve or reject with a comment.";
const AUDIT_LINK = { href: "/audit", label: "Open the audit log" };

/** What each role does in Assay, stated honestly: sections not built yet say so. */
export const ROLE_GUIDES: Record<Role, RoleGuide> = {
  admin: {
    summary: "Decide who can sign in and with which roles, and issue API keys to the AI services that report to Assay.",
    status: "available",
    links: [
      { href: "/settings/users", label: "Manage users" },
      { href: "/settings/api-keys", label: "Manage API keys" },
    ],
  },
  ml_engineer: { summary: "Register models and their versions, upload evidence, and classify the data your models use. The model registry is coming.", status: "coming" },
  data_scientist: { summary: "Record consents, classify datasets and attach training-data evidence. The privacy and data sections are coming.", status: "coming" },
  ml_lead: { summary: `${APPROVER} Promotion requests are coming.`, status: "coming" },
  qa_lead: { summary: `${APPROVER} Promotion requests are coming.`, status: "coming" },
  product_owner: { summary: `${APPROVER} Promotion requests are coming.`, status: "coming" },
  security_lead: {
    summary: `Review the audit log and verify its hash chain. ${APPROVER} Promotion requests are coming.`,
    status: "available",
    links: [AUDIT_LINK],
  },
  compliance_officer: {
    summary: `Review the audit log and verify its hash chain. ${APPROVER} Promotion requests, controls and their test schedule are coming.`,
    status: "available",
    links: [AUDIT_LINK],
  },
  ops: { summary: "Watch the availability of AI services, open and resolve incidents, and track SLA and error budget. The availability section is coming.", status: "coming" },
  auditor: {
    summary: "Browse the audit log, verify its hash chain, and export evidence packages that verify offline.",
    status: "available",
    links: [AUDIT_LINK],
  },
};
