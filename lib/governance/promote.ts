import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { modelVersions, modelVersionTransitions, promotionRequests } from "@/db/schema";
import type { AuditEventInput } from "@/lib/audit/vocabulary";
import type { RequestContext } from "@/lib/context";
import type { Role } from "@/lib/auth/permissions";
import type { DecisionRequest, DecisionVersion, ProductionVersion } from "./decision-context";

/**
 * The status change an approved request causes, inside the last approval's transaction
 * (the caller holds the model and request locks, read the model's current production
 * version under them, and records the returned events last).
 * A new production version first moves the previous one to deprecated through the same
 * recorded, audited path, so the one-production-version index is never violated.
 */
export async function promote(
  tx: Transaction,
  ctx: RequestContext,
  request: DecisionRequest,
  version: DecisionVersion,
  approvers: Map<Role, string>,
  currentProduction: ProductionVersion | null,
): Promise<AuditEventInput[]> {
  const events: AuditEventInput[] = [];
  const actorUserId = ctx.user?.id ?? null;
  if (request.toStatus === "production" && currentProduction)
    events.push(...(await supersede(tx, currentProduction, request, version, actorUserId)));
  // Three independent writes, sent together: postgres.js pipelines queries issued at once on
  // the transaction's connection, so they cost one round trip instead of three. (The
  // supersede above has finished first: the one-production-version index needs that order.)
  const [moved] = await Promise.all([
    tx
      .update(modelVersions)
      .set({ status: request.toStatus, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(modelVersions.id, version.id), eq(modelVersions.status, request.fromStatus)))
      .returning({ id: modelVersions.id }),
    tx.insert(modelVersionTransitions).values({
      modelId: version.modelId,
      versionId: version.id,
      fromStatus: request.fromStatus,
      toStatus: request.toStatus,
      requestId: request.id,
      cause: "promoted",
      artifactDigest: version.artifactDigest,
      actorUserId,
    }),
    tx
      .update(promotionRequests)
      .set({ status: "approved", closedAt: sql`now()`, closedBy: actorUserId, closeReason: "approved" })
      .where(eq(promotionRequests.id, request.id)),
  ]);
  // Unreachable under the locks; if it ever happens the whole approval rolls back.
  if (moved.length === 0) throw new Error(`version ${version.id} is no longer ${request.fromStatus}`);
  events.push({
    type: "model_deployment",
    action: "model.status_changed",
    outcome: "success",
    resource: { type: "model_version", id: version.id },
    metadata: {
      requestId: request.id,
      version: version.version,
      cause: "promoted",
      artifactDigest: version.artifactDigest,
      approvers: [...approvers].map(([role, userId]) => ({ role, userId })),
      before: { status: request.fromStatus },
      after: { status: request.toStatus },
    },
  });
  return events;
}

async function supersede(
  tx: Transaction,
  current: ProductionVersion,
  request: DecisionRequest,
  successor: DecisionVersion,
  actorUserId: string | null,
): Promise<AuditEventInput[]> {
  // Independent writes, pipelined as in promote(): one round trip.
  const [, , cancelled] = await Promise.all([
    tx
      .update(modelVersions)
      .set({ status: "deprecated", statusChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(modelVersions.id, current.id)),
    tx.insert(modelVersionTransitions).values({
      modelId: current.modelId,
      versionId: current.id,
      fromStatus: "production",
      toStatus: "deprecated",
      requestId: request.id,
      cause: "superseded",
      artifactDigest: current.artifactDigest,
      actorUserId,
    }),
    // A request to deprecate it is moot now that it is deprecated.
    tx
      .update(promotionRequests)
      .set({ status: "cancelled", closedAt: sql`now()`, closedBy: actorUserId, closeReason: `superseded by ${successor.version}` })
      .where(and(eq(promotionRequests.versionId, current.id), eq(promotionRequests.status, "open")))
      .returning({ id: promotionRequests.id }),
  ]);
  const resource = { type: "model_version", id: current.id };
  return [
    {
      type: "model_deployment",
      action: "model.status_changed",
      outcome: "success",
      resource,
      metadata: {
        requestId: request.id,
        version: current.version,
        cause: "superseded",
        supersededBy: { versionId: successor.id, version: successor.version },
        artifactDigest: current.artifactDigest,
        before: { status: "production" },
        after: { status: "deprecated" },
      },
    },
    ...cancelled.map((c): AuditEventInput => ({
      type: "model_update",
      action: "model.promotion_cancelled",
      outcome: "success",
      resource,
      metadata: {
        requestId: c.id,
        reason: "superseded",
        supersededBy: successor.version,
        before: { status: "open" },
        after: { status: "cancelled" },
      },
    })),
  ];
}
