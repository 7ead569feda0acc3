import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, sqlClient } from "@/db/client";
import { authSessions, userRoles, users } from "@/db/schema";
import { ANONYMOUS, type RequestContext } from "@/lib/context";
import { hashPassword, createSession, loadSessionUser } from "@/lib/auth/service";
import type { Role } from "@/lib/auth/permissions";

/**
 * Helpers for service tests. Every test file runs in parallel against one migrated
 * database and one shared audit chain, so nothing here truncates or assumes an empty
 * table: rows are told apart by unique emails and by the ids the test created.
 */

// secret-box reads AUTH_SECRET when it seals or unseals, so setting it at import is enough.
process.env.AUTH_SECRET ??= "test-secret-for-service-tests-only-0123456789abcdef";

export const TEST_PASSWORD = "correct horse battery staple";

/** Unique per call, lower-case (users.email has a lower-case check). */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}@test.assay.local`;
}

let passwordHash: Promise<string> | undefined;

export type TestUser = { id: string; email: string; roles: Role[] };

/**
 * Inserts a user directly (not through createUser) so fixtures do not write audit events
 * of their own into the counts a test makes. The argon2 hash is computed once per file.
 */
export async function insertUser(roles: Role[], opts: { label?: string; disabled?: boolean } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = uniqueEmail(opts.label ?? (roles.join("-") || "norole"));
  const [row] = await db
    .insert(users)
    .values({ email, name: `Test ${email}`, passwordHash: await passwordHash, disabledAt: opts.disabled ? new Date() : null })
    .returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((role) => ({ userId: row!.id, role })));
  return { id: row!.id, email, roles };
}

/** A real session row and the context getRequestContext() would build from it. */
export async function signedInContext(user: { id: string }, origin = { ip: "192.0.2.10", userAgent: "vitest" }): Promise<RequestContext> {
  const sessionId = await db.transaction((tx) => createSession(tx, user.id, origin.ip, origin.userAgent));
  const sessionUser = await loadSessionUser(sessionId);
  if (!sessionUser) throw new Error(`test user ${user.id} has no usable session (disabled?)`);
  return { user: sessionUser, sessionId, apiKey: null, ...origin };
}

export function anonymousContext(origin = { ip: "192.0.2.20", userAgent: "vitest" }): RequestContext {
  return { ...ANONYMOUS, ...origin };
}

export type AuditRow = {
  seq: number;
  eventType: string;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  metadata: Record<string, unknown>;
};

/** Audit events about one resource, or by one actor, in chain order. */
export async function auditEvents(filter: {
  resourceId?: string;
  actorUserId?: string;
  actorApiKeyId?: string;
  afterSeq?: number;
}): Promise<AuditRow[]> {
  const s = sqlClient();
  const rows = await s<
    {
      seq: string;
      event_type: string;
      action: string;
      outcome: string;
      actor_user_id: string | null;
      actor_api_key_id: string | null;
      resource_type: string | null;
      resource_id: string | null;
      metadata: Record<string, unknown>;
    }[]
  >`
    SELECT seq, event_type, action, outcome, actor_user_id, actor_api_key_id, resource_type, resource_id, metadata
      FROM audit_events
     WHERE (${filter.resourceId ?? null}::text IS NULL OR resource_id = ${filter.resourceId ?? null})
       AND (${filter.actorUserId ?? null}::uuid IS NULL OR actor_user_id = ${filter.actorUserId ?? null})
       AND (${filter.actorApiKeyId ?? null}::uuid IS NULL OR actor_api_key_id = ${filter.actorApiKeyId ?? null})
       AND seq > ${filter.afterSeq ?? 0}
     ORDER BY seq`;
  return rows.map((r) => ({
    seq: Number(r.seq),
    eventType: r.event_type,
    action: r.action,
    outcome: r.outcome,
    actorUserId: r.actor_user_id,
    actorApiKeyId: r.actor_api_key_id,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    metadata: r.metadata,
  }));
}

/** Where an event recorded by a service (chained at commit) landed in the chain. */
export async function chainedEvent(staged: { eventId: string }): Promise<{ seq: number; hash: string; eventId: string }> {
  const rows = await db.execute<{ seq: string; hash: string }>(sql`SELECT seq, hash FROM audit_events WHERE event_id = ${staged.eventId}`);
  if (!rows[0]) throw new Error(`event ${staged.eventId} was not chained: did its transaction commit?`);
  return { seq: Number(rows[0].seq), hash: rows[0].hash, eventId: staged.eventId };
}

/** The chain head's sequence number: events after it were written by this test (and others). */
export async function headSeq(): Promise<number> {
  const rows = await db.execute<{ seq: string }>(sql`SELECT seq FROM audit_chain_head WHERE id = 1`);
  return Number(rows[0]!.seq);
}

export async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function countUsersByEmail(email: string): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return rows.length;
}

export async function sessionRow(id: string) {
  const [row] = await db.select().from(authSessions).where(eq(authSessions.id, id));
  return row;
}
