import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import type { ApiKeyPrincipal, RequestContext } from "@/lib/auth/context";
import { auditActor } from "@/lib/auth/context";
import { API_SCOPES, type ApiScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseApiKey, secretMatches } from "./key-format";

/**
 * Resolves `Authorization: Bearer assay_…` to a key, checks revocation and scope, counts
 * the request against the key's per-minute and per-day limits (in PostgreSQL, shared by
 * every instance) and records the last-used time.
 */
export async function authenticateApiKey(
  authorization: string | null,
  scope: ApiScope | null,
  origin: Pick<RequestContext, "ip" | "userAgent">,
): Promise<ApiKeyPrincipal> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) throw new AppError("unauthenticated", "Send an API key as `Authorization: Bearer assay_…`.");

  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, parsed.prefix));
  if (!key || !secretMatches(parsed.secret, key.secretHash)) throw new AppError("unauthenticated", "Unknown API key.");
  const principal: ApiKeyPrincipal = {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
  const ctx: RequestContext = { user: null, sessionId: null, apiKey: principal, ...origin };
  if (key.revokedAt) {
    await deny(ctx, "revoked", scope);
    throw new AppError("unauthenticated", "This API key has been revoked.");
  }
  if (scope && !principal.scopes.includes(scope)) {
    await deny(ctx, "missing_scope", scope);
    throw new AppError("forbidden", `This API key lacks the scope ${scope}.`);
  }
  await countRequest(ctx, key.ratePerMinute, key.ratePerDay);
  return principal;
}

async function countRequest(ctx: RequestContext, perMinute: number, perDay: number) {
  const keyId = ctx.apiKey!.id;
  // One statement: both windows counted atomically, and the key's last use recorded.
  const rows = await db.execute<{ window: string; count: number; reset_in: number }>(sql`
    WITH used AS (UPDATE api_keys SET last_used_at = now() WHERE id = ${keyId})
    INSERT INTO api_key_usage (key_id, "window", window_start, count)
    VALUES (${keyId}, 'minute', date_trunc('minute', now()), 1),
           (${keyId}, 'day', date_trunc('day', now()), 1)
    ON CONFLICT (key_id, "window", window_start) DO UPDATE SET count = api_key_usage.count + 1
    RETURNING "window", count,
      ceil(extract(epoch from (window_start + CASE "window" WHEN 'minute' THEN interval '1 minute' ELSE interval '1 day' END - now())))::int AS reset_in`);
  for (const row of rows) {
    const limit = row.window === "minute" ? perMinute : perDay;
    if (row.count > limit) {
      // Audit the first refusal of each window, not every one: a flood must not flood the log.
      if (row.count === limit + 1) await alertRateLimited(ctx, row.window, limit);
      throw new AppError("rate_limited", `Rate limit of ${limit} requests per ${row.window} exceeded.`, { retryAfter: Math.max(1, row.reset_in) });
    }
  }
  if (Math.random() < 0.001) await db.execute(sql`DELETE FROM api_key_usage WHERE window_start < now() - interval '2 days'`);
}

async function deny(ctx: RequestContext, reason: string, scope: ApiScope | null) {
  await db.transaction((tx) =>
    recordAudit(tx, auditActor(ctx), {
      type: "access_denied",
      action: "api_key.denied",
      outcome: "denied",
      resource: { type: "api_key", id: ctx.apiKey!.id },
      metadata: { reason, scope },
    }),
  );
}

async function alertRateLimited(ctx: RequestContext, window: string, limit: number) {
  await db.transaction((tx) =>
    recordAudit(tx, auditActor(ctx), {
      type: "security_alert",
      action: "api_key.rate_limited",
      outcome: "denied",
      resource: { type: "api_key", id: ctx.apiKey!.id },
      metadata: { window, limit },
    }),
  );
}
