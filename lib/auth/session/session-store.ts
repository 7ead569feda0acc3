import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { authSessions, userRoles, users } from "@/db/schema";
import type { SessionUser } from "@/lib/context";
import { isRole } from "@/lib/auth/permissions";

export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export async function createSession(tx: Transaction, userId: string, ip: string | null, userAgent: string | null): Promise<string> {
  const [row] = await tx
    .insert(authSessions)
    .values({ userId, ip, userAgent, expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000) })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * The user behind a session id, with roles and the disabled flag read fresh from the
 * database: removing a role, disabling an account or signing out takes effect on the very
 * next request. Null for an unknown, revoked or expired session or a disabled account.
 */
export async function loadSessionUser(sessionId: string): Promise<SessionUser | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      totpEnabledAt: users.totpEnabledAt,
      roles: sql<string[]>`coalesce(array_agg(${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, sql`now()`), isNull(users.disabledAt)),
    )
    .groupBy(users.id);
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, email: row.email, name: row.name, roles: row.roles.filter(isRole).sort(), totpEnabled: row.totpEnabledAt !== null };
}

export async function revokeSession(tx: Transaction, sessionId: string): Promise<void> {
  await tx
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

export async function revokeUserSessions(tx: Transaction, userId: string): Promise<void> {
  await tx
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
}
