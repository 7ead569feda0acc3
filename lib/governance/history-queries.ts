import "server-only";
import { and, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { apiKeys, auditEvents, modelVersions, modelVersionTransitions, promotionDecisions, promotionRequests, users } from "@/db/schema";

export type Approver = { name: string; email: string; role: string; at: Date; comment: string };

export type TimelineEntry = {
  id: number;
  occurredAt: Date;
  version: string;
  fromStatus: string | null;
  toStatus: string;
  cause: "registered" | "promoted" | "superseded";
  requestId: string | null;
  artifactDigest: string;
  approvers: Approver[];
};

/** The model's recorded status changes, newest first, each with who approved it. */
export async function getModelTimeline(modelId: string, limit = 100, executor: Executor = db): Promise<TimelineEntry[]> {
  const rows = await executor
    .select({
      id: modelVersionTransitions.id,
      occurredAt: modelVersionTransitions.occurredAt,
      version: modelVersions.version,
      fromStatus: modelVersionTransitions.fromStatus,
      toStatus: modelVersionTransitions.toStatus,
      cause: modelVersionTransitions.cause,
      requestId: modelVersionTransitions.requestId,
      artifactDigest: modelVersionTransitions.artifactDigest,
    })
    .from(modelVersionTransitions)
    .innerJoin(modelVersions, eq(modelVersions.id, modelVersionTransitions.versionId))
    .where(eq(modelVersionTransitions.modelId, modelId))
    .orderBy(desc(modelVersionTransitions.occurredAt), desc(modelVersionTransitions.id))
    .limit(limit);
  const approvers = await approversOf(
    rows.flatMap((r) => (r.requestId && r.cause === "promoted" ? [r.requestId] : [])),
    executor,
  );
  return rows.map((r) => ({
    ...r,
    cause: r.cause as TimelineEntry["cause"],
    approvers: r.requestId && r.cause === "promoted" ? (approvers.get(r.requestId) ?? []) : [],
  }));
}

/** The approvals that counted on each request (not voided), in the order they came. */
async function approversOf(requestIds: string[], executor: Executor): Promise<Map<string, Approver[]>> {
  const out = new Map<string, Approver[]>();
  if (requestIds.length === 0) return out;
  const rows = await executor
    .select({
      requestId: promotionDecisions.requestId,
      name: users.name,
      email: users.email,
      role: promotionDecisions.role,
      at: promotionDecisions.createdAt,
      comment: promotionDecisions.comment,
    })
    .from(promotionDecisions)
    .innerJoin(users, eq(users.id, promotionDecisions.decidedBy))
    .where(
      and(
        inArray(promotionDecisions.requestId, [...new Set(requestIds)]),
        eq(promotionDecisions.decision, "approve"),
        isNull(promotionDecisions.voidedAt),
      ),
    )
    .orderBy(promotionDecisions.createdAt);
  for (const { requestId, ...a } of rows) out.set(requestId, [...(out.get(requestId) ?? []), a]);
  return out;
}

export type ProductionAsOf = {
  versionId: string;
  version: string;
  since: Date;
  artifactDigest: string;
  requestId: string | null;
  requestedBy: string | null;
  justification: string | null;
  approvers: Approver[];
  /** When it left production, if it has since. */
  until: Date | null;
};

/**
 * "Which version of this model was in production at time T, and who approved it?",
 * answered from the recorded transitions alone: the latest move into production at or
 * before T, unless that version had already moved out of production by T.
 */
export async function getProductionAsOf(modelId: string, at: Date, executor: Executor = db): Promise<ProductionAsOf | null> {
  const [entry] = await executor
    .select({
      versionId: modelVersionTransitions.versionId,
      version: modelVersions.version,
      since: modelVersionTransitions.occurredAt,
      artifactDigest: modelVersionTransitions.artifactDigest,
      requestId: modelVersionTransitions.requestId,
      requestedBy: users.name,
      justification: promotionRequests.justification,
    })
    .from(modelVersionTransitions)
    .innerJoin(modelVersions, eq(modelVersions.id, modelVersionTransitions.versionId))
    .leftJoin(promotionRequests, eq(promotionRequests.id, modelVersionTransitions.requestId))
    .leftJoin(users, eq(users.id, promotionRequests.requestedBy))
    .where(
      and(
        eq(modelVersionTransitions.modelId, modelId),
        eq(modelVersionTransitions.toStatus, "production"),
        lte(modelVersionTransitions.occurredAt, at),
      ),
    )
    .orderBy(desc(modelVersionTransitions.occurredAt), desc(modelVersionTransitions.id))
    .limit(1);
  if (!entry) return null;
  const [left] = await executor
    .select({ at: modelVersionTransitions.occurredAt })
    .from(modelVersionTransitions)
    .where(
      and(
        eq(modelVersionTransitions.versionId, entry.versionId),
        eq(modelVersionTransitions.fromStatus, "production"),
        gt(modelVersionTransitions.occurredAt, entry.since),
      ),
    )
    .orderBy(modelVersionTransitions.occurredAt)
    .limit(1);
  if (left && left.at <= at) return null;
  const approvers = entry.requestId ? ((await approversOf([entry.requestId], executor)).get(entry.requestId) ?? []) : [];
  return { ...entry, approvers, until: left?.at ?? null };
}

export type HistoryEvent = {
  seq: number;
  /** When it happened: the audit time, or for imported history (the demo seed) its stated time. */
  occurredAt: Date;
  imported: boolean;
  eventType: string;
  action: string;
  outcome: string;
  actor: string | null;
  metadata: Record<string, unknown>;
};

const UUID_RE = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
/** The person: the event's actor, or for imported history the `by` it names. */
const personId = sql`coalesce(${auditEvents.actorUserId}, case when ${auditEvents.metadata}->>'by' ~ ${UUID_RE} then (${auditEvents.metadata}->>'by')::uuid end)`;

/**
 * A version's whole history, from the audit log itself: registration, card and artifact
 * changes, requests, decisions, status changes, and refused attempts.
 */
export async function getVersionHistory(versionId: string, limit = 200, executor: Executor = db): Promise<HistoryEvent[]> {
  const rows = await executor
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      eventType: auditEvents.eventType,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actor: sql<string | null>`coalesce(${users.name}, 'API key ' || ${apiKeys.name})`,
      metadata: auditEvents.metadata,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, personId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
    .where(and(eq(auditEvents.resourceType, "model_version"), eq(auditEvents.resourceId, versionId)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return rows
    .map((r) => {
      const metadata = (r.metadata ?? {}) as Record<string, unknown>;
      const stated = metadata.imported === true && typeof metadata.occurredAt === "string" ? new Date(metadata.occurredAt) : null;
      const valid = stated !== null && !Number.isNaN(stated.getTime());
      return { ...r, occurredAt: valid ? stated : r.occurredAt, imported: valid, metadata };
    })
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.seq - a.seq);
}
