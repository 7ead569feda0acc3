import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { models, modelVersions } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadMetrics } from "./loaders";
import { lockModel } from "./locks";
import { registerVersion, replaceArtifact } from "./registry-service";
import type { ApiVersionInput } from "./schemas";

export type PipelineResult = {
  outcome: "created" | "unchanged" | "artifact_replaced";
  versionId: string;
  status: string;
  voidedApprovals: number;
};

/**
 * What a CI pipeline's POST /api/v1/models/{key}/versions means. Pipelines retry, so posting
 * the same version again with the same artifact is a no-op; a different digest is a rebuild
 * (new artifact, metrics and training data, voiding open approvals); the same digest with
 * different evidence is a conflict, since the evidence of one artifact cannot change.
 */
export async function upsertVersionFromPipeline(
  tx: Transaction,
  ctx: RequestContext,
  modelKey: string,
  input: ApiVersionInput,
): Promise<PipelineResult> {
  const [model] = await tx.select({ id: models.id }).from(models).where(eq(models.key, modelKey));
  if (!model) throw new AppError("not_found", `No model with key ${modelKey}: register it in Assay first.`);
  await lockModel(tx, model.id);
  const [existing] = await tx
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, input.version)));
  if (!existing) {
    const created = await registerVersion(tx, ctx, { modelId: model.id, ...input, card: input.modelCard });
    return { outcome: "created", versionId: created.id, status: created.status, voidedApprovals: 0 };
  }
  if (existing.artifactDigest !== input.artifactDigest) {
    const replaced = await replaceArtifact(tx, ctx, {
      versionId: existing.id,
      artifactUri: input.artifactUri,
      artifactDigest: input.artifactDigest,
      metrics: input.metrics,
      trainingDataHash: input.trainingDataHash,
    });
    return { outcome: "artifact_replaced", versionId: existing.id, status: existing.status, voidedApprovals: replaced.voidedApprovals };
  }
  const metrics = await loadMetrics(tx, existing.id);
  const same =
    existing.trainingDataHash === input.trainingDataHash &&
    existing.artifactUri === input.artifactUri &&
    JSON.stringify(sorted(metrics)) === JSON.stringify(sorted(input.metrics));
  if (!same) {
    throw new AppError(
      "conflict",
      `Version ${input.version} is registered with this artifact and different evidence (metrics, training data or URI). Register a new version instead.`,
    );
  }
  return { outcome: "unchanged", versionId: existing.id, status: existing.status, voidedApprovals: 0 };
}

function sorted(metrics: Record<string, number>) {
  return Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b));
}
