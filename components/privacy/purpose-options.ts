export type PurposeOption = { key: string; label: string; description: string; allowedFields: string[] };

export const CONSENT_TYPE_OPTIONS = [
  { value: "explicit", label: "Explicit" },
  { value: "opt_in", label: "Opt-in" },
  { value: "contractual", label: "Contractual" },
] as const;

export const REASON_LABELS: Record<string, string> = {
  granted: "Granted",
  no_record: "No record",
  refused: "Refused",
  purpose_not_covered: "Purpose not covered",
  expired: "Expired",
  withdrawn: "Withdrawn",
};

export function humanize(value: string): string {
  return value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}

export function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 10) : "—";
}

export const SOURCE_LABELS: Record<string, string> = { ui: "UI", api: "API", import: "Import", seed: "Seed" };
