import "server-only";
import { db } from "@/db/client";
import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { listExportRows } from "./export-queries";
import { getControl, getPeriod, listCriteria } from "./queries";
import { controlReportHtml } from "./report-html";
import { recordControlsExport } from "./service";
import { todayUtc } from "./today";

/** The per-control report for a period, as HTML; taking it is recorded like any export. */
export async function buildControlReport(
  ctx: RequestContext,
  controlId: string,
  periodId: string,
): Promise<{ html: string; filename: string }> {
  const [control, period] = await Promise.all([getControl(db, controlId), getPeriod(periodId)]);
  if (!control || !period) throw new AppError("not_found", "No such control or period.");
  const [criteria, rows] = await Promise.all([listCriteria(), listExportRows(periodId, controlId)]);
  await recordControlsExport(ctx, "report", { periodId, controlId, control: control.code, rows: rows.length });
  const html = controlReportHtml({
    control,
    criteria: criteria.filter((c) => control.criteria.includes(c.code)),
    period,
    rows,
    today: todayUtc(),
    generatedAt: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    generatedBy: ctx.user?.name ?? "unknown",
  });
  return { html, filename: `assay-${control.code}-${period.startsOn}-report.html` };
}
