/**
 * The current consent state, derived from the append-only history (never stored): for a
 * purpose, the newest record that names it decides. Pure, so the rules are unit-tested.
 */
export const CONSENT_STATUSES = ["granted", "refused", "withdrawn"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export type ConsentHistoryRecord = {
  id: string;
  status: ConsentStatus;
  purposes: readonly string[];
  recordedAt: Date;
  expiresAt: Date;
};

export const DENIAL_REASONS = ["no_record", "refused", "purpose_not_covered", "expired", "withdrawn"] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export type ConsentDecision =
  | { allowed: true; reason: "granted"; recordId: string; expiresAt: Date }
  | { allowed: false; reason: DenialReason; recordId: string | null };

export const REASON_TEXT: Record<DenialReason | "granted", string> = {
  granted: "Consent was granted for this purpose and has not expired.",
  no_record: "No consent has been recorded for this subject.",
  refused: "The subject refused consent for this purpose.",
  purpose_not_covered: "The subject's consent does not cover this purpose.",
  expired: "The consent for this purpose has expired.",
  withdrawn: "The subject withdrew consent for this purpose.",
};

/** Newest first; ties (same instant) keep input order, which callers give newest first too. */
function newestFirst(records: readonly ConsentHistoryRecord[]): ConsentHistoryRecord[] {
  return [...records].sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime());
}

export function decideConsent(records: readonly ConsentHistoryRecord[], purpose: string, now: Date): ConsentDecision {
  if (records.length === 0) return { allowed: false, reason: "no_record", recordId: null };
  const latest = newestFirst(records).find((r) => r.purposes.includes(purpose));
  if (!latest) return { allowed: false, reason: "purpose_not_covered", recordId: null };
  if (latest.status === "refused") return { allowed: false, reason: "refused", recordId: latest.id };
  if (latest.status === "withdrawn") return { allowed: false, reason: "withdrawn", recordId: latest.id };
  if (latest.expiresAt.getTime() <= now.getTime()) return { allowed: false, reason: "expired", recordId: latest.id };
  return { allowed: true, reason: "granted", recordId: latest.id, expiresAt: latest.expiresAt };
}

/** The purposes currently granted (for a withdrawal that names none: withdraw them all). */
export function grantedPurposes(records: readonly ConsentHistoryRecord[], catalog: readonly string[], now: Date): string[] {
  return catalog.filter((p) => decideConsent(records, p, now).allowed);
}

export const DEFAULT_CONSENT_DAYS = 365;
export const DEFAULT_REQUEST_DAYS = 30;
const DAY_MS = 86_400_000;

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}
