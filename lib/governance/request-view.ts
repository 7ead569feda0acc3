import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { apiKeys, models, modelVersions, modelVersionTransitions, promotionDecisions, promotionRequests, users } from "@/db/schema";
import { isRole, type Role } from "@/lib/auth/permissions";
import { approvableRoles, checkDecision, filledRoles, remainingRoles, type RequestSnapshot } from "./approval-rules";
import { evaluateGates, type EvaluatedGate } from "./gates";
import type { PromotionTarget, RequestStatus } from "./lifecycle";
import { loadMetrics, loadThresholds } from "./loaders";
import type { Threshold } from "./metric-text";
import { asStatus, buildVersionDetail, getProductionVersion, getVersionDetail, type VersionDetail } from "./registry-queries";
import type { Viewer } from "./request-queries";

export type DecisionView = {
  id: string;
  decision: "approve" | "reject";
  role: string;
  comment: string;
  by: { id: string; name: string; email: string };
  artifactDigest: string;
  createdAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
};

export type RequestView = {
  id: string;
  status: RequestStatus;
  fromStatus: string;
  toStatus: PromotionTarget;
  justification: string;
  artifactDigest: string;
  requiredRoles: Role[];
  createdAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  requester: { id: string; name: string; email: string };
  closedBy: string | null;
  model: { id: string; key: string; name: string; owner: string; thresholds: Threshold[] };
  version: VersionDetail;
  /** The model's current production version, when it is another version (the comparison). */
  production: VersionDetail | null;
  /** For an approved move to production: the version it moved out of production. */
  replaced: VersionDetail | null;
  decisions: DecisionView[];
  /** Required role → who filled it; roles still needed. */
  filled: { role: Role; by: string }[];
  remaining: Role[];
  gates: EvaluatedGate[];
  viewer: { isRequester: boolean; approveAs: Role[]; canReject: boolean; reason: string | null };
};

const requester = alias(users, "requester");
const closer = alias(users, "closer");
const registrar = alias(users, "registrar");

/**
 * Everything an approver needs to decide without leaving the page, as it is right now. One
 * read for the request with its model and version, one parallel round for the rest; the
 * checks run on what was read (only another module's check reads more).
 */
export async function getRequestView(requestId: string, viewer: Viewer, executor: Executor = db): Promise<RequestView | null> {
  const [row] = await executor
    .select({
      r: promotionRequests,
      m: { id: models.id, key: models.key, name: models.name, owner: models.owner },
      v: modelVersions,
      registeredBy: sql<string | null>`coalesce(${registrar.name}, 'API key ' || ${apiKeys.name})`,
      requester: { id: requester.id, name: requester.name, email: requester.email },
      closedBy: closer.name,
    })
    .from(promotionRequests)
    .innerJoin(models, eq(models.id, promotionRequests.modelId))
    .innerJoin(modelVersions, eq(modelVersions.id, promotionRequests.versionId))
    .innerJoin(requester, eq(requester.id, promotionRequests.requestedBy))
    .leftJoin(closer, eq(closer.id, promotionRequests.closedBy))
    .leftJoin(registrar, eq(registrar.id, modelVersions.registeredBy))
    .leftJoin(apiKeys, eq(apiKeys.id, modelVersions.registeredByApiKey))
    .where(eq(promotionRequests.id, requestId));
  if (!row) return null;
  const { r, m, v } = row;
  const open = r.status === "open";
  const [metrics, thresholds, production, decisions, replaced] = await Promise.all([
    loadMetrics(executor, v.id),
    loadThresholds(executor, m.id),
    getProductionVersion(m.id, executor),
    listDecisions(r.id, executor),
    r.status === "approved" && r.toStatus === "production" ? replacedBy(r.id, executor) : null,
  ]);
  const version = buildVersionDetail(v, row.registeredBy, metrics, open ? { id: r.id, toStatus: r.toStatus as PromotionTarget } : null);
  const snapshot: RequestSnapshot = {
    status: r.status as RequestStatus,
    requestedBy: r.requestedBy,
    requiredRoles: r.requiredRoles.filter(isRole),
    artifactDigest: r.artifactDigest,
    decisions: decisions.map((d) => ({
      decidedBy: d.by.id,
      decision: d.decision,
      role: d.role,
      artifactDigest: d.artifactDigest,
      voided: d.voidedAt !== null,
    })),
  };
  // Checks are shown while a decision can still be made; a closed request shows its record.
  const gates = open
    ? await evaluateGates({
        target: r.toStatus as PromotionTarget,
        model: { id: m.id, key: m.key, thresholds },
        version: {
          id: v.id,
          version: v.version,
          status: asStatus(v.status),
          card: version.card,
          metrics,
          artifactDigest: v.artifactDigest,
          trainingDataHash: v.trainingDataHash,
        },
        now: new Date(),
        executor,
      })
    : [];
  const names = new Map(decisions.map((d) => [d.by.id, d.by.name]));
  const approve = checkDecision(snapshot, viewer, "approve");
  return {
    id: r.id,
    status: snapshot.status,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus as PromotionTarget,
    justification: r.justification,
    artifactDigest: r.artifactDigest,
    requiredRoles: snapshot.requiredRoles,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    closeReason: r.closeReason,
    requester: row.requester,
    closedBy: row.closedBy,
    model: { ...m, thresholds },
    version,
    production: production && production.id !== r.versionId ? production : null,
    replaced,
    decisions,
    filled: [...filledRoles(snapshot)].map(([role, by]) => ({ role, by: names.get(by) ?? "someone" })),
    remaining: remainingRoles(snapshot),
    gates,
    viewer: {
      isRequester: r.requestedBy === viewer.id,
      approveAs: approvableRoles(snapshot, viewer),
      canReject: checkDecision(snapshot, viewer, "reject").ok,
      reason: approve.ok ? null : approve.message,
    },
  };
}

async function replacedBy(requestId: string, executor: Executor): Promise<VersionDetail | null> {
  const [row] = await executor
    .select({ modelId: modelVersions.modelId, version: modelVersions.version })
    .from(modelVersionTransitions)
    .innerJoin(modelVersions, eq(modelVersions.id, modelVersionTransitions.versionId))
    .where(and(eq(modelVersionTransitions.requestId, requestId), eq(modelVersionTransitions.cause, "superseded")));
  return row ? getVersionDetail(row.modelId, row.version, executor) : null;
}

export async function listDecisions(requestId: string, executor: Executor = db): Promise<DecisionView[]> {
  const rows = await executor
    .select({ d: promotionDecisions, by: { id: users.id, name: users.name, email: users.email } })
    .from(promotionDecisions)
    .innerJoin(users, eq(users.id, promotionDecisions.decidedBy))
    .where(eq(promotionDecisions.requestId, requestId))
    .orderBy(asc(promotionDecisions.createdAt));
  return rows.map(({ d, by }) => ({
    id: d.id,
    decision: d.decision === "reject" ? "reject" : "approve",
    role: d.role,
    comment: d.comment,
    by,
    artifactDigest: d.artifactDigest,
    createdAt: d.createdAt,
    voidedAt: d.voidedAt,
    voidReason: d.voidReason,
  }));
}
