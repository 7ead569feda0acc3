/** The event types an auditor filters by (fixed by the product; see docs/audit-log-format.md). */
export const EVENT_TYPES = [
  "login",
  "logout",
  "access_denied",
  "data_access",
  "data_modification",
  "data_deletion",
  "data_export",
  "model_training",
  "model_inference",
  "model_deployment",
  "model_update",
  "config_change",
  "permission_change",
  "security_alert",
  "vulnerability_detected",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const OUTCOMES = ["success", "failure", "denied"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Who did it, taken from the request: never placeholders. */
export type AuditActor = {
  userId: string | null;
  apiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
};

export const SYSTEM_ACTOR: AuditActor = { userId: null, apiKeyId: null, ip: null, userAgent: null, sessionId: null };

export type AuditEventInput = {
  type: EventType;
  /** `entity.verb`, e.g. `user.roles_changed`. */
  action: string;
  outcome: Outcome;
  resource?: { type: string; id: string | null } | null;
  /** Free-form JSON; mutations put `before` and `after` here. */
  metadata?: Record<string, unknown>;
};
