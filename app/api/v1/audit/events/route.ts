import { apiKeyRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { listAuditEventsWithProof } from "@/lib/audit/queries";
import { ApiAuditQuery, ReportedBatch } from "@/lib/audit/schemas";
import { ingestReportedEvents } from "@/lib/audit/service";
import { parseInput } from "@/lib/validation";

/** AI services report events in batches of up to 1,000; all are appended or none. */
export const POST = apiKeyRoute("api.audit.events.append", { scope: "audit:write" }, async (request, { ctx }) => {
  const batch = parseInput(ReportedBatch, await readJson(request));
  const appended = await ingestReportedEvents(ctx, batch);
  return Response.json(
    { appended: appended.length, firstSeq: appended[0]?.seq ?? null, lastSeq: appended.at(-1)?.seq ?? null, events: appended },
    { status: 201 },
  );
});

/** A SIEM pages through the log in time order: pass `next` back as `after`. */
export const GET = apiKeyRoute("api.audit.events.list", { scope: "audit:read" }, async (request) => {
  const query = parseInput(ApiAuditQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await listAuditEventsWithProof(query);
  return Response.json({ events: page.rows, next: page.nextCursor });
});
