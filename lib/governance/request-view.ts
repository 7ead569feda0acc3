import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { models, modelVersions, promotionDecisions, promotionRequests, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { approvableRoles, checkDecision, filledRoles, remainingRoles } from "./approval-rules";
import { evaluateGates, type EvaluatedGate } from "./gates";
import type { PromotionTarget, RequestStatus } from "./lifecycle";
import { loadGateInput, loadSnapshot } from "./loaders";
import { getProductionVersion, getVersionDetail, type VersionDetail } from "./registry-queries";
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
  model: { id: string; key: string; name: string; owner: string };
  version: VersionDetail;
  /** The model's current production version, when it is another version (the comparison). */
  production: VersionDetail | null;
  decisions: DecisionView[];
  /** Required role → who filled it; roles still needed. */
  filled: { role: Role; by: string }[];
  remaining: Role[];
  gates: EvaluatedGate[];
  viewer: { isRequester: boolean; approveAs: Role[]; canReject: boolean; reason: string | null };
};

const requester = alias(users, "requester");
const closer = alias(users, "closer");

/** Everything an approver needs to decide without leaving the page, as it is right now. */
export async function getRequestView(requestId: string, viewer: Viewer, executor: Executor = db): Promise<RequestView | null> {
  const [row] = await executor
    .select({ r: promotionRequests, m: models, requester: { id: requester.id, name: requester.name, email: requester.email }, closedBy: closer.name, version: modelVersions.version })
    .from(promotionRequests)
    .innerJoin(models, eq(models.id, promotionRequests.modelId))
    .innerJoin(modelVersions, eq(modelVersions.id, promotionRequests.versionId))
    .innerJoin(requester, eq(requester.id, promotionRequests.requestedBy))
    .leftJoin(closer, eq(closer.id, promotionRequests.closedBy))
    .where(eq(promotionRequests.id, requestId));
  if (!row) return null;
  const { r, m } = row;
  const [version, production, snapshot, decisions, rawVersion] = await Promise.all([
    getVersionDetail(m.id, row.version, executor),
    getProductionVersion(m.id, executor),
    loadSnapshot(executor, r),
    listDecisions(r.id, executor),
    executor.select().from(modelVersions).where(eq(modelVersions.id, r.versionId)),
  ]);
  // Gates are shown while a decision can still be made; a closed request shows its record.
  const gates = r.status === "open" ? await evaluateGates(await loadGateInput(executor, rawVersion[0]!, r.toStatus as PromotionTarget)) : [];
  const names = new Map(decisions.map((d) => [d.by.id, d.by.name]));
  const approve = checkDecision(snapshot, viewer, "approve");
  const reject = checkDecision(snapshot, viewer, "reject");
  return {
    id: r.id,
    status: r.status as RequestStatus,
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
    model: { id: m.id, key: m.key, name: m.name, owner: m.owner },
    version: version!,
    production: production && production.id !== r.versionId ? production : null,
    decisions,
    filled: [...filledRoles(snapshot)].map(([role, by]) => ({ role, by: names.get(by) ?? "someone" })),
    remaining: remainingRoles(snapshot),
    gates,
    viewer: {
      isRequester: r.requestedBy === viewer.id,
      approveAs: approvableRoles(snapshot, viewer),
      canReject: reject.ok,
      reason: approve.ok ? null : approve.message,
    },
  };
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
