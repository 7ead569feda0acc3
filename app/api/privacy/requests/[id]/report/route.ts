import { z } from "zod";
import { sessionRoute } from "@/lib/api/define-route";
import { exportAccessReport } from "@/lib/privacy/report";
import { parseInput } from "@/lib/validation";

const Params = z.object({ id: z.uuid("Unknown request.") });

/** The access report of a data-subject request, as a JSON download (audited). */
export const GET = sessionRoute("privacy.access_report", { permission: "privacy.requests_manage" }, async (_request, { ctx, params }) => {
  const { id } = parseInput(Params, params);
  const report = await exportAccessReport(ctx, id);
  return new Response(JSON.stringify(report, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="access-report-${id}.json"`,
      "cache-control": "no-store",
    },
  });
});
