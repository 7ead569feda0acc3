import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { RequestContext } from "@/lib/auth/context";
import type { ApiScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { awayFromRateWindowEdge } from "@/test/time";
import { authenticateApiKey } from "./authenticate";
import { generateApiKey } from "./key-format";
import { createApiKey } from "./service";

/** Bearer-token authentication for the machine API: credentials, scopes, rate limits. */
const origin = { ip: "192.0.2.80", userAgent: "authenticate.service.test" };
let admin: RequestContext;
beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
});
afterAll(closeDb);

async function key(scopes: ApiScope[], limits = { ratePerMinute: 600, ratePerDay: 100_000 }) {
  return db.transaction((tx) => createApiKey(tx, admin, { name: `auth test ${scopes.join(",")}`, scopes, ...limits }));
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("authenticateApiKey", () => {
  it.each([
    ["no header", null],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["a malformed token", "Bearer assay_nothex_short"],
    ["an unknown key", `Bearer ${generateApiKey().token}`],
  ])("refuses %s as unauthenticated", async (_what, header) => {
    expect((await refusal(authenticateApiKey(header, null, origin))).code).toBe("unauthenticated");
  });

  it("refuses the right prefix with the wrong secret", async () => {
    const { token } = await key(["audit:read"]);
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await refusal(authenticateApiKey(`Bearer ${forged}`, null, origin))).code).toBe("unauthenticated");
  });

  it("accepts a valid key, returns its scopes and records its last use", async () => {
    const { id, token, prefix } = await key(["consent:check", "audit:read"]);
    const [before] = await db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(before!.lastUsedAt).toBeNull();
    expect(await authenticateApiKey(`bearer ${token}`, "consent:check", origin)).toEqual({ id, name: "auth test consent:check,audit:read", prefix, scopes: ["audit:read", "consent:check"] });
    const [after] = await db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(after!.lastUsedAt).toBeInstanceOf(Date);
    expect(Math.abs(after!.lastUsedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("records last use to the minute: a use within a minute of the last leaves it, a later one moves it", async () => {
    const { id, token } = await key(["audit:read"]);
    const lastUsed = async () => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id)))[0]!.at!.getTime();
    const setLastUsed = (ago: string) => db.execute(sql`UPDATE api_keys SET last_used_at = now() - ${ago}::interval WHERE id = ${id}`);
    await setLastUsed("30 seconds");
    const recent = await lastUsed();
    await authenticateApiKey(`Bearer ${token}`, "audit:read", origin);
    expect(await lastUsed()).toBe(recent);
    await setLastUsed("2 minutes");
    await authenticateApiKey(`Bearer ${token}`, "audit:read", origin);
    expect(Math.abs((await lastUsed()) - Date.now())).toBeLessThan(10_000);
  });

  it("refuses a key without the route's scope as forbidden, and audits the denial", async () => {
    const { id, token } = await key(["audit:read"]);
    const after = await headSeq();
    expect((await refusal(authenticateApiKey(`Bearer ${token}`, "audit:write", origin))).code).toBe("forbidden");
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: "access_denied", outcome: "denied", actorApiKeyId: id, metadata: { reason: "missing_scope", scope: "audit:write" } });
    // `scope: null` routes admit any valid key.
    await expect(authenticateApiKey(`Bearer ${token}`, null, origin)).resolves.toMatchObject({ id });
  });
});

describe("rate limits (shared by every instance, in PostgreSQL)", () => {
  it.each([
    ["minute", { ratePerMinute: 3, ratePerDay: 1000 }, 3, 60],
    ["day", { ratePerMinute: 1000, ratePerDay: 2 }, 2, 86_400],
  ])("per %s: request limit+1 is refused with retryAfter, and alerts once", async (window, limits, limit, maxRetry) => {
    await awayFromRateWindowEdge();
    const { id, token } = await key(["audit:write"], limits);
    for (let i = 0; i < limit; i += 1) await expect(authenticateApiKey(`Bearer ${token}`, "audit:write", origin)).resolves.toMatchObject({ id });
    const after = await headSeq();

    const first = await refusal(authenticateApiKey(`Bearer ${token}`, "audit:write", origin));
    expect(first.code).toBe("rate_limited");
    expect(first.retryAfter).toBeGreaterThan(0);
    expect(first.retryAfter).toBeLessThanOrEqual(maxRetry);
    // A flood of refusals must not flood the log: still one alert after more attempts.
    for (let i = 0; i < 3; i += 1) expect((await refusal(authenticateApiKey(`Bearer ${token}`, "audit:write", origin))).code).toBe("rate_limited");
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: "security_alert", action: "api_key.rate_limited", actorApiKeyId: id, metadata: { window, limit } });
  });
});
