import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { modelMetricThresholds, modelVersionMetrics, modelVersions, promotionDecisions, promotionRequests } from "@/db/schema";
import { isRole } from "@/lib/auth/permissions";
import type { RequestSnapshot } from "./approval-rules";
import type { ModelCard } from "./gates";
import type { RequestStatus, RiskTier } from "./lifecycle";
import type { Metrics, Threshold } from "./metric-text";

/** Reads shared by the service (inside its locks) and the pages. */

export type VersionRow = typeof modelVersions.$inferSelect;
export type RequestRow = typeof promotionRequests.$inferSelect;

export function cardOf(v: Pick<VersionRow, "intendedUse" | "limitations" | "knownBiases" | "riskTier">): ModelCard {
  return {
    intendedUse: v.intendedUse,
    limitations: v.limitations,
    knownBiases: v.knownBiases,
    riskTier: (v.riskTier as RiskTier | null) ?? null,
  };
}

export async function loadMetrics(executor: Executor, versionId: string): Promise<Metrics> {
  const rows = await executor
    .select({ name: modelVersionMetrics.name, value: modelVersionMetrics.value })
    .from(modelVersionMetrics)
    .where(eq(modelVersionMetrics.versionId, versionId));
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

export async function loadThresholds(executor: Executor, modelId: string): Promise<Threshold[]> {
  const rows = await executor
    .select({ metric: modelMetricThresholds.metric, op: modelMetricThresholds.op, value: modelMetricThresholds.value })
    .from(modelMetricThresholds)
    .where(eq(modelMetricThresholds.modelId, modelId))
    .orderBy(asc(modelMetricThresholds.metric));
  return rows.map((r) => ({ metric: r.metric, op: r.op === "lte" ? "lte" : "gte", value: r.value }));
}

/** The request and every decision on it, voided ones included, in the rules' shape. */
export async function loadSnapshot(executor: Executor, request: RequestRow): Promise<RequestSnapshot> {
  const decisions = await executor
    .select({
      decidedBy: promotionDecisions.decidedBy,
      decision: promotionDecisions.decision,
      role: promotionDecisions.role,
      artifactDigest: promotionDecisions.artifactDigest,
      voidedAt: promotionDecisions.voidedAt,
    })
    .from(promotionDecisions)
    .where(eq(promotionDecisions.requestId, request.id));
  return {
    status: request.status as RequestStatus,
    requestedBy: request.requestedBy,
    requiredRoles: request.requiredRoles.filter(isRole),
    artifactDigest: request.artifactDigest,
    decisions: decisions.map((d) => ({
      decidedBy: d.decidedBy,
      decision: d.decision === "reject" ? "reject" : "approve",
      role: d.role,
      artifactDigest: d.artifactDigest,
      voided: d.voidedAt !== null,
    })),
  };
}
