/**
 * The query columns of audit_events and how PostgreSQL generates each from the canonical
 * text. One list for the schema (db/schema/audit.ts) and for the verifier's catalog check
 * (lib/audit/projection-guard.ts), so the two cannot drift apart.
 */
export const AUDIT_PROJECTION = [
  { column: "event_id", type: "uuid", expr: "(canonical::json #>> '{id}')::uuid", notNull: true },
  { column: "occurred_at", type: "timestamp with time zone", expr: "audit_event_time(canonical)", notNull: true },
  { column: "event_type", type: "text", expr: "(canonical::json #>> '{type}')", notNull: true },
  { column: "actor_user_id", type: "uuid", expr: "(canonical::json #>> '{actor,userId}')::uuid", notNull: false },
  { column: "actor_api_key_id", type: "uuid", expr: "(canonical::json #>> '{actor,apiKeyId}')::uuid", notNull: false },
  { column: "actor_ip", type: "text", expr: "(canonical::json #>> '{actor,ip}')", notNull: false },
  { column: "actor_user_agent", type: "text", expr: "(canonical::json #>> '{actor,userAgent}')", notNull: false },
  { column: "actor_session_id", type: "text", expr: "(canonical::json #>> '{actor,sessionId}')", notNull: false },
  { column: "resource_type", type: "text", expr: "(canonical::json #>> '{resource,type}')", notNull: false },
  { column: "resource_id", type: "text", expr: "(canonical::json #>> '{resource,id}')", notNull: false },
  { column: "action", type: "text", expr: "(canonical::json #>> '{action}')", notNull: true },
  { column: "outcome", type: "text", expr: "(canonical::json #>> '{outcome}')", notNull: true },
  { column: "metadata", type: "jsonb", expr: "coalesce((canonical::json -> 'metadata')::jsonb, '{}'::jsonb)", notNull: true },
] as const;

export type AuditProjectionColumn = (typeof AUDIT_PROJECTION)[number]["column"];

export function projectionExpr(column: AuditProjectionColumn): string {
  return AUDIT_PROJECTION.find((c) => c.column === column)!.expr;
}
