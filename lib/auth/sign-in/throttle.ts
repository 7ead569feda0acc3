import "server-only";
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { loginThrottles } from "@/db/schema";

/**
 * Failed sign-ins counted per account and per client IP in fixed windows, in PostgreSQL so
 * every app instance shares them. Locked keys are refused before any password work.
 */
const WINDOW_MINUTES = 15;
export const LIMITS = { account: 5, ip: 30 } as const;

export function throttleKeys(email: string, ip: string | null): string[] {
  // The account key is a hash: the table must not collect typed emails of unknown accounts.
  const account = `account:${createHash("sha256").update(email.toLowerCase()).digest("hex")}`;
  return ip ? [account, `ip:${ip}`] : [account];
}

/** Seconds until the longest lock among these keys ends, or 0 if none is locked. */
export async function lockedFor(keys: string[]): Promise<number> {
  const rows = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${loginThrottles.lockedUntil} - now())))::int` })
    .from(loginThrottles)
    .where(sql`${inArray(loginThrottles.key, keys)} and ${loginThrottles.lockedUntil} > now()`);
  return Math.max(0, ...rows.map((r) => r.seconds));
}

export async function recordFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    const limit = key.startsWith("ip:") ? LIMITS.ip : LIMITS.account;
    // One statement per key: concurrent failures cannot lose an increment.
    await db.execute(sql`
      INSERT INTO login_throttles (key, window_start, failures)
      VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttles.window_start < now() - make_interval(mins => ${WINDOW_MINUTES})
                        THEN 1 ELSE login_throttles.failures + 1 END,
        window_start = CASE WHEN login_throttles.window_start < now() - make_interval(mins => ${WINDOW_MINUTES})
                            THEN now() ELSE login_throttles.window_start END,
        locked_until = CASE WHEN login_throttles.window_start >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             AND login_throttles.failures + 1 >= ${limit}
                            THEN now() + make_interval(mins => ${WINDOW_MINUTES}) ELSE login_throttles.locked_until END`);
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}
