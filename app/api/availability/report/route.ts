import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { sessionRoute } from "@/lib/api/define-route";
import { getSlaReportCsv } from "@/lib/availability/queries";
import { ReportQuery } from "@/lib/availability/schemas";
import { recordReportExport } from "@/lib/availability/service";
import { parseInput } from "@/lib/validation";

const Part = z.object({ part: z.enum(["summary", "incidents"], { error: "part must be summary or incidents." }).default("summary") });

/** The SLA report as CSV: ?part=summary (one row per service) or ?part=incidents. Each download is audited. */
export const GET = sessionRoute("availability.sla_report_csv", { permission: "availability.report" }, async (request, { ctx }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { part } = parseInput(Part, { part: params.part || undefined });
  const query = parseInput(ReportQuery, { service: params.service, from: params.from, to: params.to });
  const { columns, records } = await getSlaReportCsv(query, part);
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text.
  const csv = stringify(records, { header: true, columns, cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) } });
  await recordReportExport(ctx, { ...query, part });
  const filename = `assay-sla-${query.service}-${query.from}-${query.to}-${part}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
