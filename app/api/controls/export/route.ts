import { stringify } from "csv-stringify/sync";
import { sessionRoute } from "@/lib/api/define-route";
import { exportPeriodCsv } from "@/lib/controls/export";
import { ExportQuery } from "@/lib/controls/schemas";
import { parseInput } from "@/lib/validation";

/** The period's test records with evidence hashes, as CSV. */
export const GET = sessionRoute("controls.export_csv", { permission: "controls.export" }, async (request, { ctx }) => {
  const q = parseInput(ExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const { columns, records, filename } = await exportPeriodCsv(ctx, q.period);
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text.
  const csv = stringify(records, { header: true, columns: [...columns], cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) } });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
