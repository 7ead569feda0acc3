/** The fixed lists of the controls module (the CHECKs in db/schema/controls.ts match them). */
export const FREQUENCIES = ["weekly", "monthly", "quarterly", "annually"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annually: "Annually",
};

export const AI_RELEVANCE = ["none", "supporting", "direct"] as const;
export type AiRelevance = (typeof AI_RELEVANCE)[number];
export const AI_RELEVANCE_LABELS: Record<AiRelevance, string> = {
  none: "Not AI-specific",
  supporting: "Supports AI systems",
  direct: "AI-specific",
};

export const RESULTS = ["pass", "fail", "partial"] as const;
export type TestResult = (typeof RESULTS)[number];
export const RESULT_LABELS: Record<TestResult, string> = { pass: "Pass", fail: "Fail", partial: "Partial" };

/** An occurrence's state on the calendar: recorded results first, then the clock. */
export const OCCURRENCE_STATES = ["scheduled", "due_soon", "overdue", "passed", "failed", "partial"] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];
export const STATE_LABELS: Record<OccurrenceState, string> = {
  scheduled: "Scheduled",
  due_soon: "Due soon",
  overdue: "Overdue",
  passed: "Passed",
  failed: "Failed",
  partial: "Partial",
};

export const REMEDIATION_STATUSES = ["open", "in_progress", "closed"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
export const REMEDIATION_LABELS: Record<RemediationStatus, string> = { open: "Open", in_progress: "In progress", closed: "Closed" };

export const CHECKLIST_CATEGORIES = ["policies", "procedures", "evidence", "ai_evidence"] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];
export const CHECKLIST_CATEGORY_LABELS: Record<ChecklistCategory, string> = {
  policies: "Policies",
  procedures: "Procedures",
  evidence: "Evidence",
  ai_evidence: "AI-specific evidence",
};

export const CHECKLIST_STATUSES = ["not_started", "in_progress", "done"] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];
export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
};

/** Days before its due date that a scheduled test shows as "due soon". */
export const DUE_SOON_DAYS = 7;

/** The control the production promotion gate reads (lib/controls/bias-gate.ts). */
export const BIAS_TESTING_CONTROL_CODE = "AI.3";
