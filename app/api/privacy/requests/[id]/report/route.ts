import { z } from "zod";
import { db } from "@/db/client";
import { sessionRoute } from "@/lib/api/define-route";
import { recordAudit } from "@/lib/audit/append";
import { auditActor } from "@/lib/auth/context";
import { getAccessReport } from "@/lib/privacy/report";
import { parseInput } from "@/lib/validation";

const Params = z.object({ id: z.uuid("Unknown request.") });

/** The access report of a data-subject request, as a JSON download (audited: personal data leaves). */
export const GET = sessionRoute("privacy.access_report", { permission: "privacy.requests_manage" }, async (_request, { ctx, params }) => {
  const { id } = parseInput(Params, params);
  const report = await getAccessReport(id);
  await db.transaction((tx) =>
    recordAudit(tx, auditActor(ctx), {
      type: "data_export",
      action: "data_subject_request.report_exported",
      outcome: "success",
      resource: { type: "data_subject_request", id },
      metadata: { format: "json", consentRecords: report.consentHistory.length },
    }),
  );
  return new Response(JSON.stringify(report, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="access-report-${id}.json"`,
      "cache-control": "no-store",
    },
  });
});
