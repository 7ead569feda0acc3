import { sql } from "drizzle-orm";
import { bigint, check, doublePrecision, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiKeys, users } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * Model governance: the registry, promotion requests and their decisions, and the recorded
 * status transitions that answer "what was in production at time T, approved by whom".
 * The lists in the CHECKs match lib/governance/lifecycle.ts. Rules drizzle cannot express
 * (forward-only status, append-only transitions, the default policy) are in the custom
 * migration "protect_model_governance".
 */
const STATUS_SQL = sql.raw(`('development','testing','staging','production','deprecated','retired')`);
const TARGET_SQL = sql.raw(`('testing','staging','production','deprecated','retired')`);
const DIGEST_SQL = sql.raw(`'^sha256:[0-9a-f]{64}$'`);

export const models = pgTable(
  "models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    owner: text("owner").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("models_key_key").on(t.key)],
);

/** The quality bar a version must meet before production (the metric-threshold gate). */
export const modelMetricThresholds = pgTable(
  "model_metric_thresholds",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    metric: text("metric").notNull(),
    op: text("op").notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.metric] }), check("model_metric_thresholds_op", sql`${t.op} in ('gte','lte')`)],
);

export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    version: text("version").notNull(),
    status: text("status").notNull().default("development"),
    trainingDataHash: text("training_data_hash").notNull(),
    artifactUri: text("artifact_uri").notNull(),
    artifactDigest: text("artifact_digest").notNull(),
    // The model card.
    intendedUse: text("intended_use").notNull().default(""),
    limitations: text("limitations").notNull().default(""),
    knownBiases: text("known_biases").notNull().default(""),
    riskTier: text("risk_tier"),
    registeredBy: uuid("registered_by").references(() => users.id),
    registeredByApiKey: uuid("registered_by_api_key").references(() => apiKeys.id),
    createdAt: createdAt(),
    statusChangedAt: timestamptz("status_changed_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("model_versions_model_version_key").on(t.modelId, t.version),
    // At most one production version per model: the backstop for concurrent promotions.
    uniqueIndex("model_versions_one_production_key")
      .on(t.modelId)
      .where(sql`${t.status} = 'production'`),
    index("model_versions_model_created_idx").on(t.modelId, t.createdAt),
    check("model_versions_status", sql`${t.status} in ${STATUS_SQL}`),
    check("model_versions_risk_tier", sql`${t.riskTier} is null or ${t.riskTier} in ('low','medium','high')`),
    check("model_versions_artifact_digest", sql`${t.artifactDigest} ~ ${DIGEST_SQL}`),
    check("model_versions_training_data_hash", sql`${t.trainingDataHash} ~ ${DIGEST_SQL}`),
  ],
);

export const modelVersionMetrics = pgTable(
  "model_version_metrics",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => modelVersions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.name] })],
);

/** Which roles must approve a move to each status. Requests copy it when they open. */
export const approvalPolicies = pgTable(
  "approval_policies",
  {
    toStatus: text("to_status").primaryKey(),
    requiredRoles: text("required_roles").array().notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    check("approval_policies_to_status", sql`${t.toStatus} in ${TARGET_SQL}`),
    check("approval_policies_roles", sql`cardinality(${t.requiredRoles}) between 1 and 10`),
  ],
);

export const promotionRequests = pgTable(
  "promotion_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => modelVersions.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    // The policy when the request opened: a later policy change never alters it.
    requiredRoles: text("required_roles").array().notNull(),
    // Approvals count only for this digest; replacing the artifact moves it and voids them.
    artifactDigest: text("artifact_digest").notNull(),
    justification: text("justification").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    status: text("status").notNull().default("open"),
    createdAt: createdAt(),
    closedAt: timestamptz("closed_at"),
    closedBy: uuid("closed_by").references(() => users.id),
    closeReason: text("close_reason"),
  },
  (t) => [
    // One open request per version.
    uniqueIndex("promotion_requests_one_open_key")
      .on(t.versionId)
      .where(sql`${t.status} = 'open'`),
    // The inbox and the open-request lists read only open rows, whatever the history's size.
    index("promotion_requests_open_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'open'`),
    index("promotion_requests_version_idx").on(t.versionId, t.createdAt),
    index("promotion_requests_model_idx").on(t.modelId, t.createdAt),
    index("promotion_requests_closed_idx").on(t.closedAt),
    check("promotion_requests_status", sql`${t.status} in ('open','approved','rejected','cancelled')`),
    check("promotion_requests_to_status", sql`${t.toStatus} in ${TARGET_SQL}`),
    check("promotion_requests_closed", sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
);

export const promotionDecisions = pgTable(
  "promotion_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => promotionRequests.id),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decision: text("decision").notNull(),
    // The required role an approval fills (or a rejecter acted in).
    role: text("role").notNull(),
    comment: text("comment").notNull().default(""),
    artifactDigest: text("artifact_digest").notNull(),
    createdAt: createdAt(),
    voidedAt: timestamptz("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [
    // A person decides once per request (a voided approval frees them to decide again).
    uniqueIndex("promotion_decisions_one_per_person_key")
      .on(t.requestId, t.decidedBy)
      .where(sql`${t.voidedAt} is null`),
    // Each required role is filled once.
    uniqueIndex("promotion_decisions_one_per_role_key")
      .on(t.requestId, t.role)
      .where(sql`${t.voidedAt} is null and ${t.decision} = 'approve'`),
    // A request's decisions, voided ones included (the request page, the version history).
    index("promotion_decisions_request_idx").on(t.requestId, t.createdAt),
    index("promotion_decisions_decider_idx").on(t.decidedBy, t.createdAt),
    check("promotion_decisions_decision", sql`${t.decision} in ('approve','reject')`),
    check("promotion_decisions_reject_comment", sql`${t.decision} = 'approve' or length(btrim(${t.comment})) > 0`),
  ],
);

/** Every status a version has had, when, and through which request: append-only. */
export const modelVersionTransitions = pgTable(
  "model_version_transitions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => modelVersions.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    requestId: uuid("request_id").references(() => promotionRequests.id),
    // registered | promoted | superseded (moved to deprecated by a newer production version)
    cause: text("cause").notNull(),
    artifactDigest: text("artifact_digest").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id),
    occurredAt: timestamptz("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    // The as-of question: the latest move to production at or before T, per model.
    index("model_version_transitions_model_to_time_idx").on(t.modelId, t.toStatus, t.occurredAt),
    index("model_version_transitions_model_time_idx").on(t.modelId, t.occurredAt),
    index("model_version_transitions_version_time_idx").on(t.versionId, t.occurredAt),
    check("model_version_transitions_cause", sql`${t.cause} in ('registered','promoted','superseded')`),
    check("model_version_transitions_to_status", sql`${t.toStatus} in ${STATUS_SQL}`),
    check("model_version_transitions_request", sql`(${t.cause} = 'registered') = (${t.requestId} is null)`),
  ],
);
