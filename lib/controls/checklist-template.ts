import type { ChecklistCategory } from "./vocabulary";

/**
 * The audit-preparation checklist every new period starts with: what an auditor asks for
 * before fieldwork, including the AI-specific evidence a SOC 2 report for an AI company
 * rests on. Owners and statuses are set per period.
 */
export const CHECKLIST_TEMPLATE: { category: ChecklistCategory; title: string; description: string }[] = [
  {
    category: "policies",
    title: "Information security policy approved",
    description: "Current version, approved by management within the period, acknowledged by staff.",
  },
  {
    category: "policies",
    title: "Access control policy",
    description: "Provisioning, review and revocation rules for production and model infrastructure.",
  },
  {
    category: "policies",
    title: "Change management policy",
    description: "How code, configuration and model changes are requested, reviewed and released.",
  },
  {
    category: "policies",
    title: "AI governance and acceptable use policy",
    description: "Model risk tiers, approval roles and the uses of AI the company allows.",
  },
  {
    category: "policies",
    title: "Incident response plan",
    description: "Roles, severity levels and communication, tested within the period.",
  },
  {
    category: "procedures",
    title: "Access review procedure",
    description: "Who reviews which systems, how often, and how removals are tracked.",
  },
  {
    category: "procedures",
    title: "Model promotion procedure",
    description: "The gates and approvals a model version passes before production.",
  },
  {
    category: "procedures",
    title: "Backup and restore procedure",
    description: "Schedules and the restore test performed within the period.",
  },
  {
    category: "evidence",
    title: "Access review records",
    description: "Each quarter's review with its sign-off and the removals it led to.",
  },
  { category: "evidence", title: "Change tickets sample", description: "A population of changes with approvals for the auditor's sample." },
  {
    category: "evidence",
    title: "Security monitoring alerts and responses",
    description: "Alert configuration and examples of triaged alerts.",
  },
  {
    category: "evidence",
    title: "Audit log integrity verification",
    description: "A verified export of the tamper-evident audit log with its signed checkpoint.",
  },
  {
    category: "ai_evidence",
    title: "Model approval records",
    description: "Promotion requests with approvers, gate results and the approved artifact digest.",
  },
  {
    category: "ai_evidence",
    title: "Bias testing results",
    description: "The period's bias and fairness test reports for production models (control AI.3).",
  },
  {
    category: "ai_evidence",
    title: "Training-data lineage",
    description: "Training-data hashes, sources and classifications for each production model.",
  },
  {
    category: "ai_evidence",
    title: "Inference audit trails",
    description: "Inference events recorded by AI services in the audit log, with a verified export.",
  },
  {
    category: "ai_evidence",
    title: "Model performance monitoring",
    description: "Drift and performance dashboards with the thresholds that trigger review.",
  },
];
