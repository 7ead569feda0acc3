import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { models, modelVersions, promotionDecisions, promotionRequests, users } from "@/db/schema";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { PromotionTarget, RequestStatus } from "./lifecycle";

export type Viewer = { id: string; roles: readonly Role[] };

export type RequestListItem = {
  id: string;
  modelKey: string;
  modelName: string;
  version: string;
  fromStatus: string;
  toStatus: PromotionTarget;
  status: RequestStatus;
  requiredRoles: Role[];
  approvals: number;
  requestedBy: string;
  createdAt: Date;
  closedAt: Date | null;
};

function textArray(values: readonly string[]): SQL {
  return values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;
}

/** Approvals that count: not voided, and of the artifact the request is bound to. */
const countingApproval = sql`f.decision = 'approve' and f.voided_at is null and f.artifact_digest = ${promotionRequests.artifactDigest}`;

/**
 * "Waiting for you": open, not yours, not yet decided by you, and at least one role you hold
 * is required and still unfilled. The same rules as approval-rules.ts, in SQL, so that the
 * count in the navigation is one indexed query over open requests only.
 */
function waitingFor(viewer: Viewer): SQL {
  return sql`${promotionRequests.status} = 'open'
    and ${promotionRequests.requestedBy} <> ${viewer.id}
    and not exists (select 1 from ${promotionDecisions} d where d.request_id = ${promotionRequests.id} and d.decided_by = ${viewer.id} and d.voided_at is null)
    and exists (
      select 1 from unnest(${promotionRequests.requiredRoles}) as need(role)
       where need.role = any(${textArray(viewer.roles)})
         and not exists (select 1 from ${promotionDecisions} f where f.request_id = ${promotionRequests.id} and f.role = need.role and ${countingApproval}))`;
}

export async function countWaitingFor(viewer: Viewer, executor: Executor = db): Promise<number> {
  if (viewer.roles.length === 0) return 0;
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(promotionRequests)
    .where(waitingFor(viewer));
  return row?.n ?? 0;
}

const requester = alias(users, "requester");

function listSelect(executor: Executor) {
  return executor
    .select({
      id: promotionRequests.id,
      modelKey: models.key,
      modelName: models.name,
      version: modelVersions.version,
      fromStatus: promotionRequests.fromStatus,
      toStatus: promotionRequests.toStatus,
      status: promotionRequests.status,
      requiredRoles: promotionRequests.requiredRoles,
      approvals: sql<number>`(select count(*)::int from ${promotionDecisions} f where f.request_id = ${promotionRequests.id} and ${countingApproval})`,
      requestedBy: requester.name,
      createdAt: promotionRequests.createdAt,
      closedAt: promotionRequests.closedAt,
    })
    .from(promotionRequests)
    .innerJoin(models, eq(models.id, promotionRequests.modelId))
    .innerJoin(modelVersions, eq(modelVersions.id, promotionRequests.versionId))
    .innerJoin(requester, eq(requester.id, promotionRequests.requestedBy));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listSelect>["where"]>>[number];

function toItem(r: ListRow): RequestListItem {
  return {
    ...r,
    toStatus: r.toStatus as PromotionTarget,
    status: r.status as RequestStatus,
    requiredRoles: r.requiredRoles.filter(isRole),
  };
}

export async function listWaitingFor(viewer: Viewer, limit = 100, executor: Executor = db): Promise<RequestListItem[]> {
  if (viewer.roles.length === 0) return [];
  const rows = await listSelect(executor).where(waitingFor(viewer)).orderBy(promotionRequests.createdAt).limit(limit);
  return rows.map(toItem);
}

/** Open requests (oldest first: they have waited longest), optionally only one person's. */
export async function listOpenRequests(
  options: { requestedBy?: string; excludeWaitingFor?: Viewer; limit?: number } = {},
  executor: Executor = db,
): Promise<RequestListItem[]> {
  const where = and(
    eq(promotionRequests.status, "open"),
    options.requestedBy ? eq(promotionRequests.requestedBy, options.requestedBy) : undefined,
    options.excludeWaitingFor && options.excludeWaitingFor.roles.length > 0
      ? sql`not (${waitingFor(options.excludeWaitingFor)})`
      : undefined,
  );
  const rows = await listSelect(executor)
    .where(where)
    .orderBy(promotionRequests.createdAt)
    .limit(options.limit ?? 200);
  return rows.map(toItem);
}

/** Recently closed requests, newest first. */
export async function listClosedRequests(limit = 20, executor: Executor = db): Promise<RequestListItem[]> {
  const rows = await listSelect(executor)
    .where(and(ne(promotionRequests.status, "open"), isNotNull(promotionRequests.closedAt)))
    .orderBy(desc(promotionRequests.closedAt))
    .limit(limit);
  return rows.map(toItem);
}

export async function listVersionRequests(versionId: string, executor: Executor = db): Promise<RequestListItem[]> {
  const rows = await listSelect(executor).where(eq(promotionRequests.versionId, versionId)).orderBy(desc(promotionRequests.createdAt));
  return rows.map(toItem);
}
