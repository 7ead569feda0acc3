import type { ApiScope } from "@/lib/auth/permissions";

/** An API key as the admin list shows it: the public prefix only, never the secret. */
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  ratePerMinute: number;
  ratePerDay: number;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "audit:write": "Append events to the audit log",
  "audit:read": "Read and export the audit log",
  "models:write": "Register models and versions",
  "availability:write": "Report health samples and inference events",
  "consent:check": "Check a subject's consent",
  "consent:write": "Record consents and withdrawals",
};

/** UTC, so the server's and the browser's renderings agree. */
export function formatDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}
