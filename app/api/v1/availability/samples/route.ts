import { apiKeyRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { PushedBatch } from "@/lib/availability/schemas";
import { ingestPushedBatch } from "@/lib/availability/service";
import { parseInput } from "@/lib/validation";

/**
 * `POST {"samples": [{"service": "inference_api", "observedAt": "…Z", "status": "healthy",
 * "latencyMs": 42, "details": {"gpuAvailable": true}}, …]}`: up to 1,000 samples, recorded
 * all or none (in one transaction through withTransaction, or as one statement when the batch
 * moves no streak: lib/availability/ingest/push.ts). 201 with how many were new and how many
 * were already recorded.
 */
export const POST = apiKeyRoute("availability.samples.push", { scope: "availability:write" }, async (request, { ctx }) => {
  const batch = parseInput(PushedBatch, await readJson(request, 1024 * 1024));
  const result = await ingestPushedBatch(ctx, batch);
  return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
});
