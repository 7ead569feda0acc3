import { z } from "zod";
import { sessionRoute } from "@/lib/api/define-route";
import { buildControlReport } from "@/lib/controls/report";
import { parseInput } from "@/lib/validation";

const ReportQuery = z.object({ control: z.uuid("Choose a control."), period: z.uuid("Choose a period.") });

/** A printable report per control and period: a self-contained HTML page (print it to PDF). */
export const GET = sessionRoute("controls.report", { permission: "controls.read" }, async (request, { ctx }) => {
  const q = parseInput(ReportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const { html, filename } = await buildControlReport(ctx, q.control, q.period);
  const download = new URL(request.url).searchParams.get("download") === "1";
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      ...(download ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
});
