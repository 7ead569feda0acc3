import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { projectionExpr, type AuditProjectionColumn } from "./audit-projection";
import { timestamptz } from "./columns";

/**
 * The single row that serializes appends: every append locks it by updating it, so
 * concurrent writers (in any number of app instances) queue here and the chain never forks.
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: smallint("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    prevHash: text("prev_hash"),
  },
  (t) => [check("audit_chain_head_singleton", sql`${t.id} = 1`)],
);

/**
 * Append-only (enforced by triggers in the migrations). `canonical` is the exact RFC 8785
 * text that was hashed. Every query column is GENERATED from it by PostgreSQL, so the two
 * cannot disagree while the generation rules stand: an UPDATE of such a column is refused,
 * and removing a rule (DROP EXPRESSION) cannot be undone, which the verifier checks in the
 * catalog before trusting the columns (lib/audit/projection-guard.ts).
 */
const generated = (column: AuditProjectionColumn) => sql.raw(projectionExpr(column));

export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    canonical: text("canonical").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    eventId: uuid("event_id").notNull().generatedAlwaysAs(generated("event_id")),
    occurredAt: timestamptz("occurred_at").notNull().generatedAlwaysAs(generated("occurred_at")),
    eventType: text("event_type").notNull().generatedAlwaysAs(generated("event_type")),
    actorUserId: uuid("actor_user_id").generatedAlwaysAs(generated("actor_user_id")),
    actorApiKeyId: uuid("actor_api_key_id").generatedAlwaysAs(generated("actor_api_key_id")),
    actorIp: text("actor_ip").generatedAlwaysAs(generated("actor_ip")),
    actorUserAgent: text("actor_user_agent").generatedAlwaysAs(generated("actor_user_agent")),
    actorSessionId: text("actor_session_id").generatedAlwaysAs(generated("actor_session_id")),
    resourceType: text("resource_type").generatedAlwaysAs(generated("resource_type")),
    resourceId: text("resource_id").generatedAlwaysAs(generated("resource_id")),
    action: text("action").notNull().generatedAlwaysAs(generated("action")),
    outcome: text("outcome").notNull().generatedAlwaysAs(generated("outcome")),
    metadata: jsonb("metadata").notNull().generatedAlwaysAs(generated("metadata")),
  },
  (t) => [
    uniqueIndex("audit_events_event_id_key").on(t.eventId),
    // The fork guard: two events can never claim the same predecessor.
    uniqueIndex("audit_events_prev_hash_key").on(t.prevHash),
    uniqueIndex("audit_events_hash_key").on(t.hash),
    // Browse: each filter is an equality followed by (occurred_at, seq), the sort key, so a
    // filtered page is one index range scan in time order and keyset pagination stays
    // fast at any depth.
    index("audit_events_time_idx").on(t.occurredAt, t.seq),
    index("audit_events_type_time_idx").on(t.eventType, t.occurredAt, t.seq),
    index("audit_events_actor_time_idx").on(t.actorUserId, t.occurredAt, t.seq),
    // An auditor's most common pair: without it, an actor/type combination with few or no
    // events walks the actor's whole range (213 ms p95 at 5M events; 6 ms with it).
    index("audit_events_actor_type_time_idx").on(t.actorUserId, t.eventType, t.occurredAt, t.seq),
    index("audit_events_api_key_time_idx").on(t.actorApiKeyId, t.occurredAt, t.seq),
    index("audit_events_resource_time_idx").on(t.resourceType, t.resourceId, t.occurredAt, t.seq),
    index("audit_events_action_time_idx").on(t.action, t.occurredAt, t.seq),
    index("audit_events_outcome_time_idx").on(t.outcome, t.occurredAt, t.seq),
  ],
);

/**
 * Signed statements "the log of <origin> had <size> events with head <hash> at <time>".
 * A verifier holding one (even outside the database) detects a rewritten or cut history.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    origin: text("origin").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    headHash: text("head_hash").notNull(),
    signedAt: timestamptz("signed_at").notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
  },
  (t) => [uniqueIndex("audit_checkpoints_size_key").on(t.size)],
);
