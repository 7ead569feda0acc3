import { ROLE_LABELS, isRole } from "@/lib/auth/permissions";
import type { ModelStatus, RequestStatus } from "@/lib/governance/lifecycle";

type Tone = "neutral" | "accent" | "green" | "amber" | "red";

export const STATUS_TONE: Record<ModelStatus, Tone> = {
  development: "neutral",
  testing: "accent",
  staging: "amber",
  production: "green",
  deprecated: "neutral",
  retired: "neutral",
};

export const REQUEST_TONE: Record<RequestStatus, Tone> = { open: "accent", approved: "green", rejected: "red", cancelled: "neutral" };

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function roleList(roles: readonly string[]): string {
  return roles.map(roleLabel).join(", ");
}

/** Digests are long: show the algorithm and 12 hex characters; the full value sits in a title. */
export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

export function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, "");
}
