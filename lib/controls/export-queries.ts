import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";

/**
 * The period's test records for the CSV export and the per-control report: one row per
 * record (corrections and what they superseded both appear), and one row for each test
 * never recorded, with the SHA-256 of every piece of evidence the record relied on.
 */
export type ExportRow = {
  control_code: string;
  control_name: string;
  occurrence_id: string;
  window_start: string;
  window_end: string;
  due_on: string;
  result_id: string | null;
  result: string | null;
  standing: boolean | null;
  tested_on: string | null;
  tester: string | null;
  procedure_followed: string | null;
  findings: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  supersedes_id: string | null;
  correction_reason: string | null;
  remediation_status: string | null;
  remediation_owner: string | null;
  remediation_due_on: string | null;
  remediation_closing_note: string | null;
  evidence: { filename: string; sha256: string; evidence_date: string }[];
};

export async function listExportRows(periodId: string, controlId: string | null = null, executor: Executor = db): Promise<ExportRow[]> {
  return executor.execute<ExportRow>(sql`
    SELECT c.code AS control_code, c.name AS control_name, o.id AS occurrence_id,
           o.window_start::text, o.window_end::text, o.due_on::text,
           r.id AS result_id, r.result,
           CASE WHEN r.id IS NULL THEN NULL ELSE r.id = o.standing_result_id END AS standing,
           r.tested_on::text, t.name AS tester, r.procedure_followed, r.findings, rb.name AS recorded_by,
           to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS recorded_at,
           r.supersedes_id, r.correction_reason,
           m.status AS remediation_status, mo.name AS remediation_owner, m.due_on::text AS remediation_due_on, m.closing_note AS remediation_closing_note,
           coalesce((SELECT json_agg(json_build_object('filename', e.filename, 'sha256', e.sha256, 'evidence_date', e.evidence_date) ORDER BY e.uploaded_at)
                       FROM control_result_evidence re JOIN control_evidence e ON e.id = re.evidence_id WHERE re.result_id = r.id), '[]'::json) AS evidence
      FROM control_test_occurrences o
      JOIN controls c ON c.id = o.control_id
      LEFT JOIN control_test_results r ON r.occurrence_id = o.id
      LEFT JOIN users t ON t.id = r.tester_id
      LEFT JOIN users rb ON rb.id = r.recorded_by
      LEFT JOIN control_remediations m ON m.result_id = r.id
      LEFT JOIN users mo ON mo.id = m.owner_id
     WHERE o.period_id = ${periodId} AND (${controlId}::uuid IS NULL OR o.control_id = ${controlId}::uuid)
     ORDER BY c.code, o.window_start, r.recorded_at NULLS FIRST`);
}

export const CSV_COLUMNS = [
  "control_code",
  "control_name",
  "window_start",
  "window_end",
  "due_on",
  "state",
  "result_id",
  "result",
  "standing",
  "tested_on",
  "tester",
  "findings",
  "recorded_by",
  "recorded_at",
  "supersedes_id",
  "correction_reason",
  "remediation_status",
  "remediation_owner",
  "remediation_due_on",
  "evidence_files",
  "evidence_sha256",
] as const;

/** One CSV record per row; several evidence files are `;`-separated in the same order in both columns. */
export function toCsvRecord(row: ExportRow, state: string): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    control_code: row.control_code,
    control_name: row.control_name,
    window_start: row.window_start,
    window_end: row.window_end,
    due_on: row.due_on,
    state,
    result_id: row.result_id ?? "",
    result: row.result ?? "",
    standing: row.standing === null ? "" : row.standing ? "yes" : "superseded",
    tested_on: row.tested_on ?? "",
    tester: row.tester ?? "",
    findings: row.findings ?? "",
    recorded_by: row.recorded_by ?? "",
    recorded_at: row.recorded_at ?? "",
    supersedes_id: row.supersedes_id ?? "",
    correction_reason: row.correction_reason ?? "",
    remediation_status: row.remediation_status ?? "",
    remediation_owner: row.remediation_owner ?? "",
    remediation_due_on: row.remediation_due_on ?? "",
    evidence_files: row.evidence.map((e) => e.filename).join(";"),
    evidence_sha256: row.evidence.map((e) => e.sha256).join(";"),
  };
}
