import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { canonicalEventTemplate } from "@/lib/audit/canonical";
import type { AuditActor } from "@/lib/context";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { REASON_TEXT, type DenialReason } from "./consent-state";
import { pseudonymize } from "./pseudonym";
import type { CheckConsentInput } from "./schemas";

/**
 * The consent check, for the UI and the machine API: one statement, consent_check()
 * (migration 0021), which decides and, for a denial, stages its audit event (purpose and
 * reason only, never the subject). An allowed answer writes nothing.
 */

export type ConsentAnswer = {
  allowed: boolean;
  reason: DenialReason | "granted";
  explanation: string;
  purpose: string;
  /** The data-minimization rule: the only fields this purpose may use (allowed answers only). */
  allowedFields?: string[];
  expiresAt?: string;
  checkedAt: string;
};

/** What consent_check() returns: `purpose` is null when the key is not in the catalog. */
export type ConsentCheckResult = {
  purpose: { key: string; label: string; description: string; allowedFields: string[] } | null;
  reason?: DenialReason | "granted";
  recordId?: string | null;
  expiresAt?: string | null;
};

// Values consent_check() fills into the denial's canonical text (see the migration).
const REASON_PLACEHOLDER = "__reason__";
const API_KEY_PLACEHOLDER = "__api_key__";

export async function checkConsent(ctx: RequestContext, input: CheckConsentInput, now = new Date()): Promise<ConsentAnswer> {
  const channel = ctx.apiKey ? "api" : "ui";
  const [row] = await db.execute<{ result: ConsentCheckResult }>(
    sql`SELECT (${checkSql(auditActor(ctx), channel, input, now, null)}) AS result`,
  );
  return consentAnswer(input, row!.result, now);
}

/**
 * The machine route's check, to run inside its API key's authentication statement
 * (apiKeyStatementRoute): `keyId` is that statement's SQL for the key's id, which names the
 * key in a denial's event.
 */
export function consentCheckForKey(input: CheckConsentInput, origin: Pick<AuditActor, "ip" | "userAgent">) {
  const now = new Date();
  const actor: AuditActor = { userId: null, apiKeyId: API_KEY_PLACEHOLDER, sessionId: null, ip: origin.ip, userAgent: origin.userAgent };
  return {
    sql: (keyId: SQL) => checkSql(actor, "api", input, now, keyId),
    parse: (result: ConsentCheckResult) => consentAnswer(input, result, now),
  };
}

function checkSql(actor: AuditActor, channel: "api" | "ui", input: CheckConsentInput, now: Date, keyId: SQL | null): SQL {
  const denial = denialTemplate(actor, channel, input.purpose)(now);
  return sql`SELECT consent_check(${pseudonymize(input.subjectId)}, ${input.purpose}, ${now.toISOString()}::timestamptz, ${denial}, ${keyId ?? sql`NULL`}::uuid)`;
}

/**
 * Every check carries its would-be denial's event text, so that a denial is still one
 * statement. Canonicalizing that event on every check cost more than the check's own SQL
 * at 8 concurrent clients, so its template is kept per caller and purpose (few: the
 * calling services and the catalog) and only the id and time are filled in per check.
 */
const templates = new Map<string, (now: Date) => string>();
const MAX_TEMPLATES = 1_000;

function denialTemplate(actor: AuditActor, channel: "api" | "ui", purpose: string): (now: Date) => string {
  const key = JSON.stringify([actor.userId, actor.apiKeyId, actor.sessionId, actor.ip, actor.userAgent, channel, purpose]);
  let template = templates.get(key);
  if (!template) {
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    template = canonicalEventTemplate(actor, {
      type: "data_access",
      action: "consent.check_denied",
      outcome: "denied",
      resource: { type: "privacy_purpose", id: purpose },
      metadata: { purpose, reason: REASON_PLACEHOLDER, channel },
    });
    templates.set(key, template);
  }
  return template;
}

function consentAnswer(input: CheckConsentInput, result: ConsentCheckResult, now: Date): ConsentAnswer {
  const { purpose, reason } = result;
  if (!purpose || !reason)
    throw new AppError("validation", `Unknown purpose: ${input.purpose}.`, {
      fieldErrors: { purpose: [`Unknown purpose: ${input.purpose}.`] },
    });
  const base = { purpose: purpose.key, reason, explanation: REASON_TEXT[reason], checkedAt: now.toISOString() };
  if (reason !== "granted") return { ...base, allowed: false };
  return { ...base, allowed: true, allowedFields: purpose.allowedFields, expiresAt: new Date(result.expiresAt!).toISOString() };
}
