import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { generateApiKey } from "./key-format";
import type { CreateApiKeyInput, RevokeApiKeyInput } from "./schemas";

/** Creates a key and returns its token: the only time the secret exists outside the client. */
export async function createApiKey(tx: Transaction, ctx: RequestContext, input: CreateApiKeyInput) {
  const { token, prefix, secretHash } = generateApiKey();
  const scopes = [...new Set(input.scopes)].sort();
  const [row] = await tx
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix,
      secretHash,
      scopes,
      ratePerMinute: input.ratePerMinute,
      ratePerDay: input.ratePerDay,
      createdBy: ctx.user?.id ?? null,
    })
    .returning({ id: apiKeys.id });
  const after = { name: input.name, prefix, scopes, ratePerMinute: input.ratePerMinute, ratePerDay: input.ratePerDay };
  await recordAudit(tx, auditActor(ctx), {
    type: "permission_change",
    action: "api_key.created",
    outcome: "success",
    resource: { type: "api_key", id: row!.id },
    metadata: { before: null, after },
  });
  return { id: row!.id, token, prefix };
}

export async function revokeApiKey(tx: Transaction, ctx: RequestContext, input: RevokeApiKeyInput) {
  const updated = await tx
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, revokedBy: ctx.user?.id ?? null })
    .where(and(eq(apiKeys.id, input.keyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
  const key = updated[0];
  if (!key) throw new AppError("not_found", "No such active key: it may already be revoked.");
  await recordAudit(tx, auditActor(ctx), {
    type: "permission_change",
    action: "api_key.revoked",
    outcome: "success",
    resource: { type: "api_key", id: key.id },
    metadata: { before: { revoked: false }, after: { revoked: true }, name: key.name, prefix: key.prefix },
  });
  return key;
}
