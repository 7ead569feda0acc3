import "server-only";
import { db, type Transaction } from "@/db/client";
import { isRetryableConflict, isUniqueViolation } from "@/db/errors";
import { recordAuditOnly } from "@/lib/audit/service";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError, RuleRefusal } from "@/lib/errors";

export type TransactionOptions = {
  /** Run inside this transaction instead of opening one; its owner audits a refusal. */
  tx?: Transaction;
  /** Run again this many times after a deadlock or serialization failure (default 0). */
  retries?: number;
};

/**
 * The one shell around a service verb: one transaction for the change and its audit event.
 * A RuleRefusal rolls the change back and is then audited on its own; a unique violation or
 * an exhausted deadlock becomes a conflict the user can act on; anything else is a bug and
 * propagates. Every actions.ts and machine route runs its verbs through it.
 */
export async function withTransaction<T>(
  ctx: RequestContext,
  work: (tx: Transaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (options.tx) return work(options.tx);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (err instanceof RuleRefusal) {
        await recordAuditOnly(auditActor(ctx), err.audit);
        throw err;
      }
      if (isRetryableConflict(err) && attempt < (options.retries ?? 0)) continue;
      if (isUniqueViolation(err) || isRetryableConflict(err)) {
        throw new AppError("conflict", "Someone else changed this at the same moment. Reload the page and try again.");
      }
      throw err;
    }
  }
}
