import type { Role } from "@/lib/auth/permissions";

export type RoleGuide = { summary: string; status: "available" | "coming"; links?: { href: string; label: string }[] };

const APPROVER =
  "Review model promotion requests: read their evidence (metrics, training-data hash, control-test status) and approve or reject with a comment.";
const AUDIT_LINK = { href: "/audit", label: "Open the audit log" };
const WAITING_LINK = { href: "/models/requests", label: "Requests waiting for you" };
const MODELS_LINK = { href: "/models", label: "Open the model registry" };

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
  ml_engineer: {
    summary:
      "Register models and their versions, request their promotion, and approve moves to testing. Classifying the data your models use is coming.",
    status: "available",
    links: [MODELS_LINK, WAITING_LINK],
  },
  data_scientist: {
    summary:
      "Register models and versions and request their promotion, with metrics and training-data hashes as evidence. Classifying datasets is coming.",
    status: "available",
    links: [{ href: "/models", label: "Models" }],
  },
  ml_lead: {
    summary: `${APPROVER} You can also request promotions and set the metric thresholds a version must meet.`,
    status: "available",
    links: [WAITING_LINK, MODELS_LINK],
  },
  qa_lead: {
    summary: `${APPROVER} You also set the metric thresholds a version must meet.`,
    status: "available",
    links: [WAITING_LINK, MODELS_LINK],
  },
  product_owner: { summary: APPROVER, status: "available", links: [WAITING_LINK, MODELS_LINK] },
  security_lead: {
    summary: `Review the audit log and verify its hash chain. ${APPROVER}`,
    status: "available",
    links: [WAITING_LINK, AUDIT_LINK],
  },
  compliance_officer: {
    summary: `Review the audit log and verify its hash chain. ${APPROVER} You also own the approval policy, consent records and data-subject requests. You run the control catalog and its test calendar.`,
    status: "available",
    links: [
      WAITING_LINK,
      AUDIT_LINK,
      { href: "/models/policy", label: "Approval policy" },
      { href: "/privacy", label: "Privacy and consent" },
    ],
  },
  ops: {
    summary:
      "Watch the availability of the AI services, acknowledge and resolve incidents, schedule maintenance, and track SLA and error budget. Record the tests of the controls you own.",
    status: "available",
    links: [
      { href: "/availability", label: "Availability" },
      { href: "/availability/incidents", label: "Incidents" },
    ],
  },
  auditor: {
    summary:
      "Browse the audit log, verify its hash chain, and export evidence packages that verify offline. See which model version was in production at any time, and who approved it. Take the SLA report of the AI services for any period.",
    status: "available",
    links: [AUDIT_LINK, MODELS_LINK, { href: "/availability/report", label: "SLA report" }],
  },
};
