import { apiKeyRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { upsertVersionFromPipeline } from "@/lib/governance/pipeline-service";
import { ApiVersionInput, ModelKey } from "@/lib/governance/schemas";
import { governed } from "@/lib/governance/service";
import { parseInput } from "@/lib/validation";

/**
 * CI pipelines register a model version (it starts in development). Retrying with the same
 * artifact answers 200 and changes nothing; a new digest replaces the artifact (and voids
 * open approvals); see lib/governance/pipeline-service.ts.
 */
export const POST = apiKeyRoute("api.models.versions.register", { scope: "models:write" }, async (request, { ctx, params }) => {
  const { key } = parseInput(
    ModelKey.transform((k) => ({ key: k })),
    typeof params.key === "string" ? params.key : "",
  );
  const input = parseInput(ApiVersionInput, await readJson(request, 256 * 1024));
  const result = await governed(ctx, (tx) => upsertVersionFromPipeline(tx, ctx, key, input));
  const body = { ...result, model: key, version: input.version, url: `/models/${key}/versions/${encodeURIComponent(input.version)}` };
  return Response.json(body, { status: result.outcome === "created" ? 201 : 200, headers: { "cache-control": "no-store" } });
});
