import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { isRole } from "@/lib/auth/permissions";
import type { RequestSnapshot } from "./approval-rules";
import type { GateInput } from "./gates";
import type { ModelStatus, PromotionTarget, RequestStatus, RiskTier } from "./lifecycle";
import type { Metrics, Threshold } from "./metric-text";
import { lockRequestModelQuery } from "./locks";

/** The version fields a decision needs (and promote() records). */
export type DecisionVersion = {
  id: string;
  modelId: string;
  version: string;
  status: ModelStatus;
  artifactDigest: string;
  trainingDataHash: string;
};
/** The model's production version other than this one: what a promotion to production supersedes. */
export type ProductionVersion = { id: string; modelId: string; version: string; artifactDigest: string };
/** The request fields a decision needs. */
export type DecisionRequest = {
  id: string;
  versionId: string;
  fromStatus: string;
  toStatus: PromotionTarget;
  artifactDigest: string;
  requestedBy: string;
  status: RequestStatus;
  requiredRoles: string[];
};

type Row = {
  request_id: string;
  from_status: string;
  to_status: PromotionTarget;
  request_digest: string;
  requested_by: string;
  request_status: RequestStatus;
  required_roles: string[];
  id: string;
  model_id: string;
  model_key: string;
  version: string;
  status: ModelStatus;
  artifact_digest: string;
  training_data_hash: string;
  intended_use: string;
  limitations: string;
  known_biases: string;
  risk_tier: RiskTier | null;
  metrics: Metrics;
  thresholds: Threshold[];
  decisions: { decidedBy: string; decision: "approve" | "reject"; role: string; artifactDigest: string; voided: boolean }[];
  current_production: ProductionVersion | null;
};

function contextQuery(requestId: string) {
  return sql`
    SELECT r.id AS request_id, r.from_status, r.to_status, r.artifact_digest AS request_digest, r.requested_by, r.status AS request_status, r.required_roles,
           v.id, v.model_id, m.key AS model_key, v.version, v.status, v.artifact_digest, v.training_data_hash,
           v.intended_use, v.limitations, v.known_biases, v.risk_tier,
           (SELECT coalesce(json_object_agg(x.name, x.value), '{}') FROM model_version_metrics x WHERE x.version_id = v.id) AS metrics,
           (SELECT coalesce(json_agg(json_build_object('metric', t.metric, 'op', t.op, 'value', t.value) ORDER BY t.metric), '[]')
              FROM model_metric_thresholds t WHERE t.model_id = v.model_id) AS thresholds,
           (SELECT coalesce(json_agg(json_build_object('decidedBy', d.decided_by, 'decision', d.decision, 'role', d.role,
                                                      'artifactDigest', d.artifact_digest, 'voided', d.voided_at IS NOT NULL)), '[]')
              FROM promotion_decisions d WHERE d.request_id = r.id) AS decisions,
           (SELECT json_build_object('id', c.id, 'modelId', c.model_id, 'version', c.version, 'artifactDigest', c.artifact_digest)
              FROM model_versions c WHERE c.model_id = v.model_id AND c.status = 'production' AND c.id <> v.id) AS current_production
      FROM promotion_requests r
      JOIN model_versions v ON v.id = r.version_id
      JOIN models m ON m.id = v.model_id
     WHERE r.id = ${requestId}
       FOR UPDATE OF r`;
}

/**
 * Takes the request's model lock, then reads everything an approval needs, in one round trip:
 * the request (locked, and read after the model lock so it is current), the version with its
 * model card and metrics, the model's thresholds, every decision on the request, and the
 * model's current production version (which the model lock keeps from changing).
 * Decisions are the hot path (20 approvers at once) and each round trip costs CPU on both
 * ends, so this replaces seven round trips with one: the lock and the read are pipelined
 * (postgres.js sends both at once on the transaction's connection, and PostgreSQL runs them
 * in that order, the read with a snapshot taken after the lock was granted). Null for an
 * unknown request.
 */
export async function lockAndLoadDecisionContext(tx: Transaction, requestId: string) {
  // Both through tx.execute, issued in this order: the same path to the driver keeps them in order.
  const [locked, rows] = await Promise.all([tx.execute(lockRequestModelQuery(requestId)), tx.execute<Row>(contextQuery(requestId))]);
  if (locked.length === 0) return null;
  const row = rows[0];
  if (!row) return null;
  const request: DecisionRequest = {
    id: row.request_id,
    versionId: row.id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    artifactDigest: row.request_digest,
    requestedBy: row.requested_by,
    status: row.request_status,
    requiredRoles: row.required_roles,
  };
  const version: DecisionVersion = {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    status: row.status,
    artifactDigest: row.artifact_digest,
    trainingDataHash: row.training_data_hash,
  };
  const snapshot: RequestSnapshot = {
    status: request.status,
    requestedBy: request.requestedBy,
    requiredRoles: request.requiredRoles.filter(isRole),
    artifactDigest: request.artifactDigest,
    decisions: row.decisions,
  };
  const gateInput = (executor: Transaction): GateInput => ({
    target: request.toStatus,
    model: { id: row.model_id, key: row.model_key, thresholds: row.thresholds },
    version: {
      ...version,
      card: { intendedUse: row.intended_use, limitations: row.limitations, knownBiases: row.known_biases, riskTier: row.risk_tier },
      metrics: row.metrics,
    },
    now: new Date(),
    executor,
  });
  return { request, version, snapshot, gateInput, currentProduction: row.current_production };
}
