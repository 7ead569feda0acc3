import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, auditEvents, users } from "@/db/schema";

export type AuditEventRow = {
  seq: number;
  occurredAt: Date;
  eventType: string;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorApiKeyId: string | null;
  actorApiKeyName: string | null;
  actorIp: string | null;
  resourceType: string | null;
  resourceId: string | null;
};

const listColumns = {
  seq: auditEvents.seq,
  occurredAt: auditEvents.occurredAt,
  eventType: auditEvents.eventType,
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  actorUserId: auditEvents.actorUserId,
  actorEmail: users.email,
  actorApiKeyId: auditEvents.actorApiKeyId,
  actorApiKeyName: apiKeys.name,
  actorIp: auditEvents.actorIp,
  resourceType: auditEvents.resourceType,
  resourceId: auditEvents.resourceId,
};

/** What the browse queries accept: the URL filter (schemas.ts) or the API's stricter query. */
export type AuditQuery = {
  type?: string;
  outcome?: string;
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  after?: string;
  sort: "asc" | "desc";
  limit: number;
};

function filterConditions(f: AuditQuery): SQL[] {
  const where: SQL[] = [];
  if (f.type) where.push(eq(auditEvents.eventType, f.type));
  if (f.outcome) where.push(eq(auditEvents.outcome, f.outcome));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.resourceType) where.push(eq(auditEvents.resourceType, f.resourceType));
  if (f.resourceId) where.push(eq(auditEvents.resourceId, f.resourceId));
  if (f.actor) {
    const [kind, id] = f.actor.split(":") as ["user" | "key", string];
    where.push(eq(kind === "user" ? auditEvents.actorUserId : auditEvents.actorApiKeyId, id));
  }
  if (f.from) where.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) where.push(lt(auditEvents.occurredAt, f.to));
  return where;
}

/**
 * Keyset pagination on (occurred_at, seq): each page is an index range scan that starts
 * where the last one ended, so page 10,000 costs what page 1 does.
 */
function pageClauses(f: AuditQuery) {
  const where = filterConditions(f);
  if (f.after) {
    const [time, seq] = f.after.split("_") as [string, string];
    const t = new Date(time);
    const s = Number(seq);
    // A row comparison, not an OR: PostgreSQL turns it into one index range condition.
    where.push(
      f.sort === "desc"
        ? sql`(${auditEvents.occurredAt}, ${auditEvents.seq}) < (${t.toISOString()}::timestamptz, ${s}::bigint)`
        : sql`(${auditEvents.occurredAt}, ${auditEvents.seq}) > (${t.toISOString()}::timestamptz, ${s}::bigint)`,
    );
  }
  const order =
    f.sort === "desc" ? [desc(auditEvents.occurredAt), desc(auditEvents.seq)] : [asc(auditEvents.occurredAt), asc(auditEvents.seq)];
  return { where: where.length ? and(...where) : undefined, order, limit: f.limit + 1 };
}

function toPage<R extends { occurredAt: Date; seq: number }>(rows: R[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

export async function listAuditEvents(f: AuditQuery): Promise<{ rows: AuditEventRow[]; nextCursor: string | null }> {
  const { where, order, limit } = pageClauses(f);
  const rows = await db
    .select(listColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return toPage(rows, f.limit);
}

/** The same page with each event's canonical text and hashes (the SIEM API). */
export async function listAuditEventsWithProof(f: AuditQuery) {
  const { where, order, limit } = pageClauses(f);
  const rows = await db
    .select({ ...listColumns, canonical: auditEvents.canonical, prevHash: auditEvents.prevHash, hash: auditEvents.hash })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return toPage(rows, f.limit);
}

export function cursorOf(row: { occurredAt: Date; seq: number }): string {
  return `${row.occurredAt.toISOString()}_${row.seq}`;
}

export type AuditEventDetail = AuditEventRow & {
  canonical: string;
  hash: string;
  prevHash: string;
  eventId: string;
  actorUserAgent: string | null;
  actorSessionId: string | null;
  metadata: unknown;
  previousSeq: number | null;
  nextSeq: number | null;
};

export async function getAuditEvent(seq: number): Promise<AuditEventDetail | null> {
  const [row] = await db
    .select({
      ...listColumns,
      canonical: auditEvents.canonical,
      hash: auditEvents.hash,
      prevHash: auditEvents.prevHash,
      eventId: auditEvents.eventId,
      actorUserAgent: auditEvents.actorUserAgent,
      actorSessionId: auditEvents.actorSessionId,
      metadata: auditEvents.metadata,
      nextSeq: sql<number | null>`(SELECT min(seq) FROM audit_events n WHERE n.seq > ${auditEvents.seq})`.mapWith(Number),
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorApiKeyId))
    .where(eq(auditEvents.seq, seq));
  if (!row) return null;
  return { ...row, previousSeq: seq > 1 ? seq - 1 : null, nextSeq: row.nextSeq || null };
}

/** Events per day and type for the volume chart (a bounded window: the last `days`). */
export async function eventVolumeByDay(days = 30): Promise<{ day: string; type: string; count: number }[]> {
  const rows = await db.execute<{ day: string; type: string; count: string }>(sql`
    SELECT to_char(date_trunc('day', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, event_type AS type, count(*)::text AS count
      FROM audit_events
     WHERE occurred_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => ${days - 1})
     GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows.map((r) => ({ day: r.day, type: r.type, count: Number(r.count) }));
}

/** Who appears in the log, for the actor filter. */
export async function listAuditActors(): Promise<{ value: string; label: string }[]> {
  const [people, keys] = await Promise.all([
    db.select({ id: users.id, email: users.email }).from(users).orderBy(asc(users.email)),
    db.select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix }).from(apiKeys).orderBy(asc(apiKeys.name)),
  ]);
  return [
    ...people.map((u) => ({ value: `user:${u.id}`, label: u.email })),
    ...keys.map((k) => ({ value: `key:${k.id}`, label: `API key ${k.name} (${k.prefix})` })),
  ];
}

export async function chainHead(): Promise<{ seq: number; hash: string }> {
  const rows = await db.execute<{ seq: string; hash: string }>(sql`SELECT seq::text, hash FROM audit_chain_head WHERE id = 1`);
  return { seq: Number(rows[0]?.seq ?? 0), hash: rows[0]?.hash ?? "" };
}
