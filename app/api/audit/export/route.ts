import { z } from "zod";
import { sessionRoute } from "@/lib/api/define-route";
import { buildAuditBundle } from "@/lib/audit/export";
import { recordExport } from "@/lib/audit/service";
import { parseInput } from "@/lib/validation";

const Range = z
  .object({
    from: z.coerce.date({ error: "Not a date." }).optional(),
    to: z.coerce.date({ error: "Not a date." }).optional(),
  })
  .refine((r) => !r.from || !r.to || r.from < r.to, { message: "The range must start before it ends.", path: ["to"] });

/** The evidence bundle: events, checkpoints, public key and a signed manifest (.tar.gz). */
export const GET = sessionRoute("audit.export_bundle", { permission: "audit.export" }, async (request, { ctx }) => {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const range = parseInput(Range, params);
  const bundle = await buildAuditBundle(range);
  await recordExport(ctx, "bundle", { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null, ...bundle.summary });
  return new Response(bundle.stream, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${bundle.filename}"`,
      "cache-control": "no-store",
    },
  });
});
