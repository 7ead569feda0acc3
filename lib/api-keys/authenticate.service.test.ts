import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { ApiScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { awayFromRateWindowEdge } from "@/test/time";
import { authenticateApiKey, authenticateApiKeyWith } from "./authenticate";
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
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
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
    expect(await authenticateApiKey(`bearer ${token}`, "consent:check", origin)).toEqual({
      id,
      name: "auth test consent:check,audit:read",
      prefix,
      scopes: ["audit:read", "consent:check"],
    });
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
    expect(events[0]).toMatchObject({
      eventType: "access_denied",
      outcome: "denied",
      actorApiKeyId: id,
      metadata: { reason: "missing_scope", scope: "audit:write" },
    });
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
    for (let i = 0; i < limit; i += 1)
      await expect(authenticateApiKey(`Bearer ${token}`, "audit:write", origin)).resolves.toMatchObject({ id });
    const after = await headSeq();

    const first = await refusal(authenticateApiKey(`Bearer ${token}`, "audit:write", origin));
    expect(first.code).toBe("rate_limited");
    expect(first.retryAfter).toBeGreaterThan(0);
    expect(first.retryAfter).toBeLessThanOrEqual(maxRetry);
    // A flood of refusals must not flood the log: still one alert after more attempts.
    for (let i = 0; i < 3; i += 1)
      expect((await refusal(authenticateApiKey(`Bearer ${token}`, "audit:write", origin))).code).toBe("rate_limited");
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "security_alert",
      action: "api_key.rate_limited",
      actorApiKeyId: id,
      metadata: { window, limit },
    });
  });
});

describe("authenticateApiKeyWith: the route's statement inside the key's", () => {
  // Runs only if evaluated: a count over no rows makes this divide by zero. (A constant
  // 1/0 would not do: PostgreSQL folds it while planning, whether or not it is reached.)
  const wouldDivideByZero = () => sql`SELECT to_json(1 / count(*)) FROM api_keys WHERE false`;
  const run = (header: string | null, scope: ApiScope, statement = wouldDivideByZero) =>
    authenticateApiKeyWith(header, scope, origin, statement);

  it("runs it for a valid key, handing it the key's id, and returns its result", async () => {
    const { id, token } = await key(["consent:check"]);
    await expect(
      authenticateApiKeyWith(`Bearer ${token}`, "consent:check", origin, (keyId) => sql`SELECT to_json(${keyId})`),
    ).resolves.toEqual({
      principal: expect.objectContaining({ id }),
      result: id,
    });
    // The negative control for the refusals below: with a valid key the statement does run.
    await expect(run(`Bearer ${token}`, "consent:check")).rejects.toMatchObject({ cause: { code: "22012" } });
  });

  it("never runs it for a key that is refused: unknown, forged, revoked, without the scope, or over its limit", async () => {
    const headers: Record<string, string> = {};
    headers.unknown = `Bearer ${generateApiKey().token}`;
    const forged = (await key(["consent:check"])).token;
    headers.forged = `Bearer ${forged.slice(0, -4)}${forged.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const revoked = await key(["consent:check"]);
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, revoked.id));
    headers.revoked = `Bearer ${revoked.token}`;
    headers.unscoped = `Bearer ${(await key(["audit:read"])).token}`;
    await awayFromRateWindowEdge();
    const limited = await key(["consent:check"], { ratePerMinute: 1, ratePerDay: 1000 });
    await authenticateApiKey(`Bearer ${limited.token}`, "consent:check", origin);
    headers["over its limit"] = `Bearer ${limited.token}`;

    const codes: [string, string][] = [];
    for (const [what, header] of Object.entries(headers)) codes.push([what, (await refusal(run(header, "consent:check"))).code]);
    expect(Object.fromEntries(codes)).toEqual({
      unknown: "unauthenticated",
      forged: "unauthenticated",
      revoked: "unauthenticated",
      unscoped: "forbidden",
      "over its limit": "rate_limited",
    });
  });
});

describe("rate counters write no WAL", () => {
  /** WAL records a statement writes, from PostgreSQL's own accounting (EXPLAIN's WAL option), rolled back. */
  async function walRecords(statement: ReturnType<typeof sql>): Promise<number> {
    let records = -1;
    await db
      .transaction(async (tx) => {
        const [row] = await tx.execute<{ "QUERY PLAN": [{ Plan: { "WAL Records": number } }] }>(
          sql`EXPLAIN (ANALYZE, WAL, FORMAT JSON) ${statement}`,
        );
        records = row!["QUERY PLAN"][0].Plan["WAL Records"];
        throw new Error("roll back");
      })
      .catch(() => {});
    return records;
  }

  it("so a request that changes nothing else commits without waiting for a WAL flush", async () => {
    const { id, token } = await key(["consent:check"]);
    await authenticateApiKey(`Bearer ${token}`, "consent:check", origin);
    const count = sql`INSERT INTO api_key_usage (key_id, "window", window_start, count) VALUES (${id}, 'minute', date_trunc('minute', now()), 1)
                      ON CONFLICT (key_id, "window", window_start) DO UPDATE SET count = api_key_usage.count + 1`;
    expect(await walRecords(count)).toBe(0);
    // The control: the same kind of write to a logged table (the key's last use) does log.
    expect(await walRecords(sql`UPDATE api_keys SET last_used_at = now() WHERE id = ${id}`)).toBeGreaterThan(0);
  });
});
