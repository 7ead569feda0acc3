import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { consentRecords, dataSubjectRequests, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { addDays } from "./consent-state";
import { insertWithdrawal } from "./consent-service";
import { pseudonymize } from "./pseudonym";
import type { CreateRequestInput, FulfilRequestInput } from "./schemas";

/** Data-subject requests. Audit metadata carries the request's id and type, never the subject. */

export async function createRequest(tx: Transaction, ctx: RequestContext, input: CreateRequestInput, receivedAt = new Date()) {
  if (input.assigneeId) {
    const [assignee] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.assigneeId)).limit(1);
    if (!assignee) throw new AppError("validation", "Unknown assignee.", { fieldErrors: { assigneeId: ["Unknown assignee."] } });
  }
  const [row] = await tx
    .insert(dataSubjectRequests)
    .values({
      subjectPseudonym: pseudonymize(input.subjectId),
      type: input.type,
      receivedAt,
      dueAt: addDays(receivedAt, input.dueInDays),
      assigneeId: input.assigneeId ?? null,
      createdBy: ctx.user?.id ?? null,
    })
    .returning({ id: dataSubjectRequests.id, dueAt: dataSubjectRequests.dueAt });
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "data_subject_request.created",
    outcome: "success",
    resource: { type: "data_subject_request", id: row!.id },
    metadata: {
      before: null,
      after: { type: input.type, status: "open", dueAt: row!.dueAt.toISOString(), assigneeId: input.assigneeId ?? null },
    },
  });
  return { id: row!.id };
}

/**
 * Completes a request. A deletion erases the subject: their consent records are deleted
 * (the trigger admits DELETE only with `assay.erasure` on, for this transaction) and every
 * request of theirs loses its pseudonym, so nothing left can be linked to the identifier.
 */
export async function fulfilRequest(tx: Transaction, ctx: RequestContext, input: FulfilRequestInput) {
  const [request] = await tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, input.requestId)).for("update");
  if (!request) throw new AppError("not_found", "No such request.");
  if (request.status === "completed" || request.status === "rejected") throw new AppError("conflict", "This request is already closed.");
  const subject = request.subjectPseudonym;
  if (!subject) throw new AppError("conflict", "This request's subject has been erased.");

  let effect: Record<string, unknown> = {};
  if (request.type === "deletion") {
    await tx.execute(sql`SELECT set_config('assay.erasure', 'on', true)`);
    const deleted = await tx
      .delete(consentRecords)
      .where(eq(consentRecords.subjectPseudonym, subject))
      .returning({ id: consentRecords.id });
    await tx.execute(sql`SELECT set_config('assay.erasure', 'off', true)`);
    const unlinked = await tx
      .update(dataSubjectRequests)
      .set({ subjectPseudonym: null })
      .where(eq(dataSubjectRequests.subjectPseudonym, subject))
      .returning({ id: dataSubjectRequests.id });
    effect = { erased: true, consentRecordsDeleted: deleted.length, requestsUnlinked: unlinked.length };
  } else if (request.type === "consent_withdrawal") {
    effect = await withdrawBySubject(tx, ctx, subject);
  }
  const [after] = await tx
    .update(dataSubjectRequests)
    .set({ status: "completed", completedAt: new Date(), resolution: input.resolution })
    .where(eq(dataSubjectRequests.id, request.id))
    .returning({ status: dataSubjectRequests.status, completedAt: dataSubjectRequests.completedAt });
  await recordAudit(tx, auditActor(ctx), {
    type: request.type === "deletion" ? "data_deletion" : "data_modification",
    action: "data_subject_request.fulfilled",
    outcome: "success",
    resource: { type: "data_subject_request", id: request.id },
    metadata: {
      before: { type: request.type, status: request.status },
      after: { type: request.type, status: after!.status, completedAt: after!.completedAt!.toISOString(), ...effect },
    },
  });
  return { id: request.id, type: request.type, erasedRecords: request.type === "deletion" ? Number(effect.consentRecordsDeleted) : null };
}

/** A withdrawal request withdraws every granted purpose; the pseudonym is all we hold. */
async function withdrawBySubject(tx: Transaction, ctx: RequestContext, subjectPseudonym: string) {
  try {
    const { purposes } = await insertWithdrawal(tx, ctx, subjectPseudonym, [], "ui");
    return { withdrawn: purposes };
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return { withdrawn: [] };
    throw err;
  }
}
