import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recordAuditOnly } from "@/lib/audit/append";
import type { ApiKeyPrincipal, RequestContext } from "@/lib/context";
import { auditActor } from "@/lib/context";
import { API_SCOPES, type ApiScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { hashSecret, parseApiKey, secretMatches } from "./key-format";

/**
 * Resolves `Authorization: Bearer assay_…` to a key, checks revocation and scope, counts
 * the request against the key's per-minute and per-day limits (in PostgreSQL, shared by
 * every instance) and records the last-used time (to the minute).
 */
export async function authenticateApiKey(
  authorization: string | null,
  scope: ApiScope | null,
  origin: Pick<RequestContext, "ip" | "userAgent">,
): Promise<ApiKeyPrincipal> {
  return (await authenticateApiKeyWith(authorization, scope, origin, null)).principal;
}

/**
 * The same authentication, carrying the route's own statement in the key's: a route whose
 * work is one statement then answers in one round trip instead of two. `statement` gives it
 * (a SELECT of one json value), handed the SQL for the key's id. It runs only for a key that
 * is valid, not revoked, holds the scope and is within its limits, so a caller without such
 * a key can neither run it nor time it, and its result is returned only after every check
 * here has passed. What it stages (an audit event) commits with the authentication.
 */
export async function authenticateApiKeyWith<T>(
  authorization: string | null,
  scope: ApiScope | null,
  origin: Pick<RequestContext, "ip" | "userAgent">,
  statement: ((keyId: SQL) => SQL) | null,
): Promise<{ principal: ApiKeyPrincipal; result: T | null }> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) throw new AppError("unauthenticated", "Send an API key as `Authorization: Bearer assay_…`.");

  const key = await lookUpAndCount(parsed.prefix, hashSecret(parsed.secret), scope, statement);
  if (!key || !secretMatches(parsed.secret, key.secret_hash)) throw new AppError("unauthenticated", "Unknown API key.");
  const principal: ApiKeyPrincipal = {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
  const ctx: RequestContext = { user: null, sessionId: null, apiKey: principal, ...origin };
  if (key.revoked_at) {
    await deny(ctx, "revoked", scope);
    throw new AppError("unauthenticated", "This API key has been revoked.");
  }
  if (scope && !principal.scopes.includes(scope)) {
    await deny(ctx, "missing_scope", scope);
    throw new AppError("forbidden", `This API key lacks the scope ${scope}.`);
  }
  await enforceLimits(ctx, key);
  if (Math.random() < 0.001) await db.execute(sql`DELETE FROM api_key_usage WHERE window_start < now() - interval '2 days'`);
  return { principal, result: (key.result as T | null) ?? null };
}

type Usage = { window: "minute" | "day"; count: number; reset_in: number };
type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  revoked_at: string | null;
  rate_per_minute: number;
  rate_per_day: number;
  usage: Usage[] | null;
  result: unknown;
};

/**
 * Every machine request runs this, so it is one statement: the key by its prefix and, only
 * if the secret's hash, revocation and scope all pass, both rate windows counted atomically
 * and the last use recorded. The SQL hash comparison only decides whether to count; the
 * caller still compares in constant time before trusting the key.
 */
async function lookUpAndCount(
  prefix: string,
  secretHash: string,
  scope: ApiScope | null,
  statement: ((keyId: SQL) => SQL) | null,
): Promise<KeyRow | undefined> {
  const [row] = await db.execute<KeyRow>(sql`
    WITH k AS (
      SELECT id, name, prefix, secret_hash, scopes, revoked_at, rate_per_minute, rate_per_day FROM api_keys WHERE prefix = ${prefix}),
    valid AS (
      SELECT id FROM k WHERE secret_hash = ${secretHash} AND revoked_at IS NULL AND (${scope}::text IS NULL OR ${scope}::text = ANY (scopes))),
    -- Last use to the minute: a busy key would otherwise rewrite its row on every request.
    used AS (
      UPDATE api_keys SET last_used_at = now()
       WHERE id IN (SELECT id FROM valid) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')),
    counted AS (
      INSERT INTO api_key_usage (key_id, "window", window_start, count)
      SELECT valid.id, w.name, date_trunc(w.name, now()), 1 FROM valid, (VALUES ('minute'), ('day')) AS w(name)
      ON CONFLICT (key_id, "window", window_start) DO UPDATE SET count = api_key_usage.count + 1
      RETURNING "window", count,
        ceil(extract(epoch from (window_start + CASE "window" WHEN 'minute' THEN interval '1 minute' ELSE interval '1 day' END - now())))::int AS reset_in)
    SELECT k.*, (SELECT json_agg(counted) FROM counted) AS usage, ${statement ? gated(statement(sql`(SELECT id FROM valid)`)) : sql`NULL::json`} AS result FROM k`);
  return row;
}

/**
 * CASE evaluates its THEN only when its WHEN holds, and an uncorrelated subquery in it runs
 * (as an InitPlan) only when first needed: the route's statement never runs for a refused
 * key (authenticate.service.test.ts shows it with one that would divide by zero).
 */
function gated(statement: SQL): SQL {
  return sql`CASE WHEN EXISTS (SELECT 1 FROM valid)
                   AND NOT EXISTS (SELECT 1 FROM counted WHERE counted.count > CASE counted."window" WHEN 'minute' THEN k.rate_per_minute ELSE k.rate_per_day END)
              THEN (${statement}) END`;
}

async function enforceLimits(ctx: RequestContext, key: KeyRow) {
  for (const row of key.usage ?? []) {
    const limit = row.window === "minute" ? key.rate_per_minute : key.rate_per_day;
    if (row.count > limit) {
      // Audit the first refusal of each window, not every one: a flood must not flood the log.
      if (row.count === limit + 1) await alertRateLimited(ctx, row.window, limit);
      throw new AppError("rate_limited", `Rate limit of ${limit} requests per ${row.window} exceeded.`, {
        retryAfter: Math.max(1, row.reset_in),
      });
    }
  }
}

/** A refused key use, as an event about the key: a denial, or an alert when it floods. */
async function auditKeyRefusal(
  ctx: RequestContext,
  type: "access_denied" | "security_alert",
  action: string,
  metadata: Record<string, unknown>,
) {
  await recordAuditOnly(auditActor(ctx), { type, action, outcome: "denied", resource: { type: "api_key", id: ctx.apiKey!.id }, metadata });
}

const deny = (ctx: RequestContext, reason: string, scope: ApiScope | null) =>
  auditKeyRefusal(ctx, "access_denied", "api_key.denied", { reason, scope });
const alertRateLimited = (ctx: RequestContext, window: string, limit: number) =>
  auditKeyRefusal(ctx, "security_alert", "api_key.rate_limited", { window, limit });
