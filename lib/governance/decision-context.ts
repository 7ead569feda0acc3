import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { isRole } from "@/lib/auth/roles";
import type { RequestSnapshot } from "./approval-rules";
import type { GateInput } from "./gates";
import type { ModelStatus, PromotionTarget, RequestStatus, RiskTier } from "./lifecycle";
import type { Metrics, Threshold } from "./metric-text";

/** The version fields a decision needs (and promote() records). */
export type DecisionVersion = { id: string; modelId: string; version: string; status: ModelStatus; artifactDigest: string; trainingDataHash: string };
/** The request fields a decision needs. */
export type DecisionRequest = { id: string; versionId: string; fromStatus: string; toStatus: PromotionTarget; artifactDigest: string; requestedBy: string; status: RequestStatus; requiredRoles: string[] };

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
};

/**
 * Everything an approval reads once it holds the model lock, in one statement: the request
 * (locked, and read after the model lock so it is current), the version with its model
 * card and metrics, the model's thresholds, and every decision on the request. Decisions
 * are the hot path (20 approvers at once) and each round trip costs CPU on both ends, so
 * this replaces six reads. Null for an unknown request.
 */
export async function loadDecisionContext(tx: Transaction, requestId: string) {
  const rows = await tx.execute<Row>(sql`
    SELECT r.id AS request_id, r.from_status, r.to_status, r.artifact_digest AS request_digest, r.requested_by, r.status AS request_status, r.required_roles,
           v.id, v.model_id, m.key AS model_key, v.version, v.status, v.artifact_digest, v.training_data_hash,
           v.intended_use, v.limitations, v.known_biases, v.risk_tier,
           (SELECT coalesce(json_object_agg(x.name, x.value), '{}') FROM model_version_metrics x WHERE x.version_id = v.id) AS metrics,
           (SELECT coalesce(json_agg(json_build_object('metric', t.metric, 'op', t.op, 'value', t.value) ORDER BY t.metric), '[]')
              FROM model_metric_thresholds t WHERE t.model_id = v.model_id) AS thresholds,
           (SELECT coalesce(json_agg(json_build_object('decidedBy', d.decided_by, 'decision', d.decision, 'role', d.role,
                                                      'artifactDigest', d.artifact_digest, 'voided', d.voided_at IS NOT NULL)), '[]')
              FROM promotion_decisions d WHERE d.request_id = r.id) AS decisions
      FROM promotion_requests r
      JOIN model_versions v ON v.id = r.version_id
      JOIN models m ON m.id = v.model_id
     WHERE r.id = ${requestId}
       FOR UPDATE OF r`);
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
  const version: DecisionVersion = { id: row.id, modelId: row.model_id, version: row.version, status: row.status, artifactDigest: row.artifact_digest, trainingDataHash: row.training_data_hash };
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
  return { request, version, snapshot, gateInput };
}
