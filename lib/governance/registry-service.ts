import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  approvalPolicies,
  models,
  modelMetricThresholds,
  modelVersionMetrics,
  modelVersions,
  modelVersionTransitions,
  promotionDecisions,
  promotionRequests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { ARTIFACT_MUTABLE, type PromotionTarget } from "./lifecycle";
import { cardOf, loadMetrics, loadThresholds } from "./loaders";
import { lockModel, lockVersion } from "./locks";
import type { Metrics, Threshold } from "./metric-text";
import { refuse } from "./refusal";
import type { ModelCard } from "./gates";
import type { RegisterModelInput, ReplaceArtifactInput, UpdateModelCardInput, UpdatePolicyInput } from "./schemas";

/** Registry verbs. Callers hold the transaction (see governed()); each verb audits last. */

const versionResource = (id: string) => ({ type: "model_version", id });

export async function registerModel(tx: Transaction, ctx: RequestContext, input: RegisterModelInput) {
  const inserted = await tx
    .insert(models)
    .values({ key: input.key, name: input.name, owner: input.owner, description: input.description, createdBy: ctx.user?.id ?? null })
    .onConflictDoNothing({ target: models.key })
    .returning({ id: models.id, key: models.key });
  const model = inserted[0];
  if (!model) throw new AppError("conflict", "A model with this key exists.", { fieldErrors: { key: ["A model with this key exists."] } });
  if (input.thresholds.length > 0)
    await tx.insert(modelMetricThresholds).values(input.thresholds.map((t) => ({ modelId: model.id, ...t })));
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action: "model.registered",
    outcome: "success",
    resource: { type: "model", id: model.id },
    metadata: {
      before: null,
      after: { key: input.key, name: input.name, owner: input.owner, description: input.description, thresholds: input.thresholds },
    },
  });
  return model;
}

export async function setThresholds(tx: Transaction, ctx: RequestContext, input: { modelId: string; thresholds: Threshold[] }) {
  await lockModel(tx, input.modelId);
  const before = await loadThresholds(tx, input.modelId);
  await tx.delete(modelMetricThresholds).where(eq(modelMetricThresholds.modelId, input.modelId));
  if (input.thresholds.length > 0)
    await tx.insert(modelMetricThresholds).values(input.thresholds.map((t) => ({ modelId: input.modelId, ...t })));
  await tx
    .update(models)
    .set({ updatedAt: sql`now()` })
    .where(eq(models.id, input.modelId));
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action: "model.thresholds_changed",
    outcome: "success",
    resource: { type: "model", id: input.modelId },
    metadata: { before: { thresholds: before }, after: { thresholds: input.thresholds } },
  });
}

export type NewVersion = {
  modelId: string;
  version: string;
  trainingDataHash: string;
  artifactUri: string;
  artifactDigest: string;
  metrics: Metrics;
  card: ModelCard;
};

/** A new version starts in development; its registration is the first recorded transition. */
export async function registerVersion(tx: Transaction, ctx: RequestContext, input: NewVersion) {
  await lockModel(tx, input.modelId);
  const inserted = await tx
    .insert(modelVersions)
    .values({
      modelId: input.modelId,
      version: input.version,
      trainingDataHash: input.trainingDataHash,
      artifactUri: input.artifactUri,
      artifactDigest: input.artifactDigest,
      ...input.card,
      registeredBy: ctx.user?.id ?? null,
      registeredByApiKey: ctx.apiKey?.id ?? null,
    })
    .onConflictDoNothing({ target: [modelVersions.modelId, modelVersions.version] })
    .returning({ id: modelVersions.id, version: modelVersions.version, status: modelVersions.status });
  const version = inserted[0];
  if (!version)
    throw new AppError("conflict", `Version ${input.version} is already registered for this model.`, {
      fieldErrors: { version: ["This version is already registered."] },
    });
  await writeMetrics(tx, version.id, input.metrics);
  await tx.insert(modelVersionTransitions).values({
    modelId: input.modelId,
    versionId: version.id,
    fromStatus: null,
    toStatus: "development",
    cause: "registered",
    artifactDigest: input.artifactDigest,
    actorUserId: ctx.user?.id ?? null,
    actorApiKeyId: ctx.apiKey?.id ?? null,
  });
  const { modelId, ...after } = input;
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action: "model.version_registered",
    outcome: "success",
    resource: versionResource(version.id),
    metadata: { modelId, before: null, after: { ...after, status: "development" } },
  });
  return version;
}

async function writeMetrics(tx: Transaction, versionId: string, metrics: Metrics) {
  await tx.delete(modelVersionMetrics).where(eq(modelVersionMetrics.versionId, versionId));
  const rows = Object.entries(metrics).map(([name, value]) => ({ versionId, name, value }));
  if (rows.length > 0) await tx.insert(modelVersionMetrics).values(rows);
}

export async function updateModelCard(tx: Transaction, ctx: RequestContext, input: UpdateModelCardInput) {
  const version = await lockVersion(tx, input.versionId);
  const action = "model.card_updated";
  if (version.status === "retired") {
    refuse("conflict", "A retired version's model card is part of its closed record and cannot change.", {
      action,
      resource: versionResource(version.id),
      reason: "retired",
    });
  }
  const { versionId, ...card } = input;
  await tx
    .update(modelVersions)
    .set({ ...card, updatedAt: sql`now()` })
    .where(eq(modelVersions.id, versionId));
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action,
    outcome: "success",
    resource: versionResource(versionId),
    metadata: { version: version.version, before: cardOf(version), after: card },
  });
}

/**
 * A rebuilt artifact (and, from CI, its new metrics and training data). Approvals are bound
 * to the digest they saw, so the open request's approvals are voided and it now waits for
 * approvals of the new digest. From production on the artifact is fixed: refused.
 */
export async function replaceArtifact(
  tx: Transaction,
  ctx: RequestContext,
  input: ReplaceArtifactInput & { metrics?: Metrics; trainingDataHash?: string },
) {
  const version = await lockVersion(tx, input.versionId);
  const action = "model.artifact_replaced";
  if (!ARTIFACT_MUTABLE.includes(version.status as never)) {
    refuse(
      "conflict",
      `The version is in ${version.status}: its artifact is what was approved and can no longer be replaced. Register a new version.`,
      {
        action,
        resource: versionResource(version.id),
        reason: "artifact_frozen",
        metadata: { status: version.status, attemptedDigest: input.artifactDigest },
      },
    );
  }
  if (version.artifactDigest === input.artifactDigest) {
    throw new AppError("validation", "This is already the version's artifact.", {
      fieldErrors: { artifactDigest: ["This is already the version's artifact digest."] },
    });
  }
  const beforeMetrics = input.metrics ? await loadMetrics(tx, version.id) : undefined;
  await tx
    .update(modelVersions)
    .set({
      artifactUri: input.artifactUri,
      artifactDigest: input.artifactDigest,
      trainingDataHash: input.trainingDataHash ?? version.trainingDataHash,
      updatedAt: sql`now()`,
    })
    .where(eq(modelVersions.id, version.id));
  if (input.metrics) await writeMetrics(tx, version.id, input.metrics);
  const [open] = await tx
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(and(eq(promotionRequests.versionId, version.id), eq(promotionRequests.status, "open")));
  const voided = open
    ? await tx
        .update(promotionDecisions)
        .set({ voidedAt: sql`now()`, voidReason: "artifact_replaced" })
        .where(and(eq(promotionDecisions.requestId, open.id), isNull(promotionDecisions.voidedAt)))
        .returning({ userId: promotionDecisions.decidedBy, role: promotionDecisions.role })
    : [];
  if (open) await tx.update(promotionRequests).set({ artifactDigest: input.artifactDigest }).where(eq(promotionRequests.id, open.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action,
    outcome: "success",
    resource: versionResource(version.id),
    metadata: {
      version: version.version,
      before: {
        artifactUri: version.artifactUri,
        artifactDigest: version.artifactDigest,
        trainingDataHash: version.trainingDataHash,
        ...(beforeMetrics ? { metrics: beforeMetrics } : {}),
      },
      after: {
        artifactUri: input.artifactUri,
        artifactDigest: input.artifactDigest,
        trainingDataHash: input.trainingDataHash ?? version.trainingDataHash,
        ...(input.metrics ? { metrics: input.metrics } : {}),
      },
      openRequestId: open?.id ?? null,
      voidedApprovals: voided,
    },
  });
  return { voidedApprovals: voided.length, openRequestId: open?.id ?? null };
}

/** Only new requests read the policy: open ones keep the roles they copied when they opened. */
export async function updateApprovalPolicy(tx: Transaction, ctx: RequestContext, input: UpdatePolicyInput) {
  const [before] = await tx.select().from(approvalPolicies).where(eq(approvalPolicies.toStatus, input.toStatus)).for("update");
  if (!before) throw new AppError("not_found", "No policy for this status.");
  const roles = [...new Set(input.roles)];
  await tx
    .update(approvalPolicies)
    .set({ requiredRoles: roles, updatedAt: sql`now()`, updatedBy: ctx.user?.id ?? null })
    .where(eq(approvalPolicies.toStatus, input.toStatus));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "approval_policy.updated",
    outcome: "success",
    resource: { type: "approval_policy", id: input.toStatus },
    metadata: { before: { requiredRoles: before.requiredRoles }, after: { requiredRoles: roles } },
  });
  return { toStatus: input.toStatus as PromotionTarget, roles };
}
