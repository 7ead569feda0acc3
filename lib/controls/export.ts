import "server-only";
import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { CSV_COLUMNS, listExportRows, toCsvRecord } from "./export-queries";
import { getPeriod } from "./queries";
import { recordControlsExport } from "./service";
import { occurrenceState } from "./status";
import { todayUtc } from "./today";
import type { TestResult } from "./vocabulary";

/** The CSV export's records, with each row's occurrence state as of today; recorded as an export. */
export async function exportPeriodCsv(ctx: RequestContext, periodId: string) {
  const period = await getPeriod(periodId);
  if (!period) throw new AppError("not_found", "No such period.");
  const rows = await listExportRows(periodId);
  const today = todayUtc();
  const standing = new Map(rows.filter((r) => r.standing).map((r) => [r.occurrence_id, r.result as TestResult]));
  await recordControlsExport(ctx, "csv", { periodId, period: period.name, rows: rows.length });
  return {
    columns: CSV_COLUMNS,
    records: rows.map((r) => toCsvRecord(r, occurrenceState(r.due_on, standing.get(r.occurrence_id) ?? null, today))),
    filename: `assay-controls-${period.startsOn}-${period.endsOn}.csv`,
  };
}
