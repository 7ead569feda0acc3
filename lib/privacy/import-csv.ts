import { parse } from "csv-parse/sync";
import { addDays, DEFAULT_CONSENT_DAYS } from "./consent-state";
import { ImportRow } from "./schemas";

/**
 * CSV → validated consent rows, or the list of bad rows. Pure (no I/O) so that the
 * all-or-nothing import can be tested on large files quickly. Row numbers are the file's
 * line numbers (the header is line 1). Messages never echo cell values: a cell may be an
 * identifier.
 */
export const IMPORT_COLUMNS = ["subject_id", "consent_type", "status", "purposes", "policy_version", "recorded_at", "expires_at"] as const;
const REQUIRED = IMPORT_COLUMNS.slice(0, 5);
export const MAX_IMPORT_ROWS = 100_000;

export type ParsedConsent = {
  subjectId: string;
  consentType: string;
  status: "granted" | "refused" | "withdrawn";
  purposes: string[];
  policyVersion: string;
  recordedAt: Date;
  expiresAt: Date;
};
export type RowError = { row: number; message: string };
export type ParseResult = { ok: true; rows: ParsedConsent[] } | { ok: false; total: number; errors: RowError[] };

export function parseConsentCsv(text: string, knownPurposes: ReadonlySet<string>, now = new Date()): ParseResult {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return {
      ok: false,
      total: 0,
      errors: [{ row: line ?? 1, message: "The file is not valid CSV (check quoting and the number of columns)." }],
    };
  }
  if (records.length === 0) return { ok: false, total: 0, errors: [{ row: 1, message: "The file has no rows below its header." }] };
  const missing = REQUIRED.filter((c) => !(c in records[0]!));
  if (missing.length > 0)
    return { ok: false, total: records.length, errors: [{ row: 1, message: `The header lacks: ${missing.join(", ")}.` }] };
  if (records.length > MAX_IMPORT_ROWS)
    return { ok: false, total: records.length, errors: [{ row: 1, message: `At most ${MAX_IMPORT_ROWS} rows per file.` }] };

  const rows: ParsedConsent[] = [];
  const errors: RowError[] = [];
  records.forEach((record, index) => {
    const row = index + 2;
    const parsed = ImportRow.safeParse(record);
    if (!parsed.success) {
      errors.push({ row, message: parsed.error.issues.map((i) => i.message).join(" ") });
      return;
    }
    const r = parsed.data;
    const unknown = r.purposes.filter((p) => !knownPurposes.has(p));
    if (unknown.length > 0) {
      errors.push({ row, message: `Unknown purpose: ${unknown.join(", ")}.` });
      return;
    }
    const recordedAt = r.recorded_at ? new Date(r.recorded_at) : now;
    const expiresAt = r.expires_at ? new Date(r.expires_at) : addDays(recordedAt, DEFAULT_CONSENT_DAYS);
    if (recordedAt.getTime() > now.getTime() + 60_000) errors.push({ row, message: "recorded_at is in the future." });
    else if (expiresAt.getTime() < recordedAt.getTime()) errors.push({ row, message: "expires_at is before recorded_at." });
    else
      rows.push({
        subjectId: r.subject_id,
        consentType: r.consent_type,
        status: r.status,
        purposes: [...new Set(r.purposes)].sort(),
        policyVersion: r.policy_version,
        recordedAt,
        expiresAt,
      });
  });
  return errors.length > 0 ? { ok: false, total: records.length, errors } : { ok: true, rows };
}
