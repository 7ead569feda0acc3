import "server-only";
import { db, type Transaction } from "@/db/client";
import { recordAuditOnly } from "@/lib/audit/append";
import type { AuditEventInput } from "@/lib/audit/vocabulary";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * A rule refused the attempt. The verb's transaction rolls back (so nothing changes), and
 * the refusal is then written as its own audit event: access_denied for "not yours to
 * decide", a failed outcome for everything else. The event names the action attempted.
 */
export class RuleRefusal extends AppError {
  readonly audit: AuditEventInput;
  constructor(code: "forbidden" | "conflict", message: string, audit: AuditEventInput) {
    super(code, message);
    this.audit = audit;
  }
}

type Resource = { type: string; id: string | null };

export function refuse(
  code: "forbidden" | "conflict",
  message: string,
  event: { action: string; resource: Resource; reason: string; metadata?: Record<string, unknown> },
): never {
  throw new RuleRefusal(code, message, {
    type: code === "forbidden" ? "access_denied" : "model_update",
    action: event.action,
    outcome: code === "forbidden" ? "denied" : "failure",
    resource: event.resource,
    metadata: { reason: event.reason, message, ...event.metadata },
  });
}

/** Runs one governance verb in one transaction; audits a refusal after the rollback. */
export async function governed<T>(ctx: RequestContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (err) {
    if (err instanceof RuleRefusal) {
      await recordAuditOnly(auditActor(ctx), err.audit);
      throw err;
    }
    // The row locks make these unreachable in normal use; the unique indexes are the backstop.
    if (uniqueViolation(err))
      throw new AppError("conflict", "Someone else changed this at the same moment. Reload the page and try again.");
    throw err;
  }
}

function uniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}
