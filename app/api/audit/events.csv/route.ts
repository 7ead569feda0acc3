import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { sessionRoute } from "@/lib/api/define-route";
import { listAuditEvents } from "@/lib/audit/queries";
import { AuditFilter } from "@/lib/audit/schemas";
import { recordExport } from "@/lib/audit/service";

/** The browse table's current filter as CSV, every matching row, paged through in time order. */
export const GET = sessionRoute("audit.export_csv", { permission: "audit.export" }, async (request, { ctx }) => {
  const filter = AuditFilter.parse({ ...Object.fromEntries(new URL(request.url).searchParams), after: undefined, limit: 500 });
  await recordExport(ctx, "csv", { filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() } });
  async function* rows() {
    let after: string | undefined;
    do {
      const page = await listAuditEvents({ ...filter, after });
      for (const r of page.rows) {
        yield [
          r.seq,
          r.occurredAt.toISOString(),
          r.eventType,
          r.action,
          r.outcome,
          r.actorEmail ?? r.actorApiKeyName ?? "system",
          r.actorIp ?? "",
          r.resourceType ?? "",
          r.resourceId ?? "",
        ];
      }
      after = page.nextCursor ?? undefined;
    } while (after);
  }
  const csv = Readable.from(rows()).pipe(
    stringify({ header: true, columns: ["seq", "time", "type", "action", "outcome", "actor", "ip", "resource_type", "resource_id"] }),
  );
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="assay-audit-events.csv"',
      "cache-control": "no-store",
    },
  });
});
