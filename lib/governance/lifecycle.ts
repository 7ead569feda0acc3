import type { Role } from "@/lib/auth/permissions";

/**
 * The model lifecycle (DESIGN.md, issue 4): a version moves one step forward at a time,
 * and only through an approved promotion request. The database enforces the same rule
 * with a trigger (migration "protect_model_governance"); keep the two lists in step.
 */
export const MODEL_STATUSES = ["development", "testing", "staging", "production", "deprecated", "retired"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Statuses a promotion request can ask for: every status but the first. */
export const PROMOTION_TARGETS = ["testing", "staging", "production", "deprecated", "retired"] as const;
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];

export const STATUS_LABELS: Record<ModelStatus, string> = {
  development: "Development",
  testing: "Testing",
  staging: "Staging",
  production: "Production",
  deprecated: "Deprecated",
  retired: "Retired",
};

export const REQUEST_STATUSES = ["open", "approved", "rejected", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const RISK_TIERS = ["low", "medium", "high"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/**
 * Before production an artifact may still be rebuilt (which voids open approvals); from
 * production on, the approved bytes are what ran and must not change under the history.
 */
export const ARTIFACT_MUTABLE: readonly ModelStatus[] = ["development", "testing", "staging"];

/** The policy the migration installs; admins and compliance officers may change it. */
export const DEFAULT_POLICY: Record<PromotionTarget, Role[]> = {
  testing: ["ml_engineer"],
  staging: ["ml_lead", "qa_lead"],
  production: ["ml_lead", "security_lead", "product_owner"],
  deprecated: ["ml_lead"],
  retired: ["ml_lead", "compliance_officer"],
};

export function isModelStatus(value: string): value is ModelStatus {
  return (MODEL_STATUSES as readonly string[]).includes(value);
}

export function isPromotionTarget(value: string): value is PromotionTarget {
  return (PROMOTION_TARGETS as readonly string[]).includes(value);
}

/** The one status a version may move to next, or null once retired. */
export function nextStatus(status: ModelStatus): PromotionTarget | null {
  const next = MODEL_STATUSES[MODEL_STATUSES.indexOf(status) + 1];
  return next && isPromotionTarget(next) ? next : null;
}

export function isValidTransition(from: string, to: string): boolean {
  return isModelStatus(from) && nextStatus(from) === to;
}
