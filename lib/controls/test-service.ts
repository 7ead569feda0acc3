import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  controlEvidence,
  controlEvidenceLinks,
  controlRemediations,
  controlResultEvidence,
  controls,
  controlTestOccurrences,
  controlTestResults,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { pgErrorCode } from "./pg-errors";
import type { RecordResultInput, UpdateRemediationInput } from "./schemas";
import { todayUtc } from "./today";

/** Recording locked test results (with remediation) and working remediation to closure. */

const fieldError = (field: string, message: string) => new AppError("validation", message, { fieldErrors: { [field]: [message] } });

/** A control's tests are recorded by its owner, or by those who manage the catalog. */
export function assertMayWorkOn(ctx: RequestContext, ownerId: string, what: string) {
  if (!ctx.user) throw new AppError("unauthenticated", "Sign in to continue.");
  if (ctx.user.id === ownerId || can(ctx.user.roles, "controls.manage")) return;
  throw new AppError("forbidden", `Only the control's owner or a compliance officer ${what}.`);
}

async function assertActive(tx: Transaction, userId: string, field: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row) throw fieldError(field, "Choose an active user.");
}

export type RecordedResult = { resultId: string; occurrenceId: string; remediationId: string | null };

export async function recordTestResult(
  tx: Transaction,
  ctx: RequestContext,
  input: RecordResultInput,
  today = todayUtc(),
): Promise<RecordedResult> {
  // The occurrence row lock serializes two people recording the same test.
  const [occ] = await tx
    .select({
      id: controlTestOccurrences.id,
      controlId: controlTestOccurrences.controlId,
      windowStart: controlTestOccurrences.windowStart,
      ownerId: controls.ownerId,
      code: controls.code,
    })
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .where(eq(controlTestOccurrences.id, input.occurrenceId))
    .for("update", { of: controlTestOccurrences });
  if (!occ) throw new AppError("not_found", "No such test.");
  assertMayWorkOn(ctx, occ.ownerId, "records its tests");
  if (input.testedOn > today) throw fieldError("testedOn", "A test cannot be recorded for a day in the future.");
  if (input.testedOn < occ.windowStart)
    throw fieldError("testedOn", `This test covers the interval from ${occ.windowStart}; the test date cannot be earlier.`);
  await assertActive(tx, input.testerId, "testerId");

  const records = await tx
    .select({
      id: controlTestResults.id,
      result: controlTestResults.result,
      testedOn: controlTestResults.testedOn,
      supersedesId: controlTestResults.supersedesId,
    })
    .from(controlTestResults)
    .where(eq(controlTestResults.occurrenceId, occ.id));
  const standing = records.find((r) => !records.some((c) => c.supersedesId === r.id)) ?? null;
  if (input.supersedesId) {
    if (!records.some((r) => r.id === input.supersedesId))
      throw fieldError("supersedesId", "The record to correct is not a record of this test.");
    if (standing?.id !== input.supersedesId)
      throw new AppError("conflict", "That record has already been corrected: correct the latest record instead.");
  } else if (standing) {
    throw new AppError("conflict", "This test already has a recorded result, which is locked. Record a correction instead.");
  }

  if (input.evidenceIds.length > 0) {
    const found = await tx.select({ id: controlEvidence.id }).from(controlEvidence).where(inArray(controlEvidence.id, input.evidenceIds));
    if (found.length !== new Set(input.evidenceIds).size) throw fieldError("evidenceIds", "Some of the chosen evidence does not exist.");
  }
  if (input.result !== "pass") {
    await assertActive(tx, input.remediationOwnerId!, "remediationOwnerId");
    if (input.remediationDueOn! < input.testedOn) throw fieldError("remediationDueOn", "Remediation is due on or after the test date.");
  }

  let resultId: string;
  try {
    const [row] = await tx
      .insert(controlTestResults)
      .values({
        occurrenceId: occ.id,
        controlId: occ.controlId,
        result: input.result,
        testerId: input.testerId,
        testedOn: input.testedOn,
        procedureFollowed: input.procedureFollowed,
        findings: input.findings,
        supersedesId: input.supersedesId ?? null,
        correctionReason: input.supersedesId ? input.correctionReason : null,
        recordedBy: ctx.user!.id,
      })
      .returning({ id: controlTestResults.id });
    resultId = row!.id;
  } catch (err) {
    if (pgErrorCode(err) === "23505")
      throw new AppError("conflict", "Someone recorded this test at the same moment. Reload the page to see their record.");
    throw err;
  }
  const evidenceIds = [...new Set(input.evidenceIds)];
  if (evidenceIds.length > 0) {
    await tx.insert(controlResultEvidence).values(evidenceIds.map((evidenceId) => ({ resultId, evidenceId })));
    await tx
      .insert(controlEvidenceLinks)
      .values(evidenceIds.map((evidenceId) => ({ evidenceId, occurrenceId: occ.id, linkedBy: ctx.user!.id })))
      .onConflictDoNothing();
  }
  let remediationId: string | null = null;
  if (input.result !== "pass") {
    const [rem] = await tx
      .insert(controlRemediations)
      .values({ resultId, ownerId: input.remediationOwnerId!, dueOn: input.remediationDueOn!, plan: input.remediationPlan })
      .returning({ id: controlRemediations.id });
    remediationId = rem!.id;
  }
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: input.supersedesId ? "control_test.corrected" : "control_test.recorded",
    outcome: "success",
    resource: { type: "control_test", id: occ.id },
    metadata: {
      control: occ.code,
      before: standing ? { resultId: standing.id, result: standing.result, testedOn: standing.testedOn } : null,
      after: {
        resultId,
        result: input.result,
        testerId: input.testerId,
        testedOn: input.testedOn,
        findings: input.findings,
        evidenceIds,
        ...(input.supersedesId ? { supersedes: input.supersedesId, correctionReason: input.correctionReason } : {}),
        remediation: remediationId ? { id: remediationId, ownerId: input.remediationOwnerId, dueOn: input.remediationDueOn } : null,
      },
    },
  });
  return { resultId, occurrenceId: occ.id, remediationId };
}

export async function updateRemediation(
  tx: Transaction,
  ctx: RequestContext,
  input: UpdateRemediationInput,
): Promise<{ occurrenceId: string }> {
  const [rem] = await tx
    .select({
      id: controlRemediations.id,
      ownerId: controlRemediations.ownerId,
      status: controlRemediations.status,
      closingNote: controlRemediations.closingNote,
      occurrenceId: controlTestResults.occurrenceId,
      controlOwnerId: controls.ownerId,
    })
    .from(controlRemediations)
    .innerJoin(controlTestResults, eq(controlTestResults.id, controlRemediations.resultId))
    .innerJoin(controls, eq(controls.id, controlTestResults.controlId))
    .where(eq(controlRemediations.id, input.remediationId))
    .for("update", { of: controlRemediations });
  if (!rem) throw new AppError("not_found", "No such remediation.");
  if (ctx.user?.id !== rem.ownerId) assertMayWorkOn(ctx, rem.controlOwnerId, "updates its remediation");
  if (rem.status === "closed") throw new AppError("conflict", "This remediation is closed. If the problem is back, record a new test.");
  if (rem.status === input.status && input.status !== "closed") return { occurrenceId: rem.occurrenceId };
  const closing = input.status === "closed";
  await tx
    .update(controlRemediations)
    .set({
      status: input.status,
      closingNote: closing ? input.closingNote : rem.closingNote,
      closedAt: closing ? sql`now()` : null,
      closedBy: closing ? ctx.user!.id : null,
      updatedAt: sql`now()`,
    })
    .where(eq(controlRemediations.id, rem.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: closing ? "control_remediation.closed" : "control_remediation.updated",
    outcome: "success",
    resource: { type: "control_remediation", id: rem.id },
    metadata: {
      occurrenceId: rem.occurrenceId,
      before: { status: rem.status },
      after: { status: input.status, ...(closing ? { closingNote: input.closingNote } : {}) },
    },
  });
  return { occurrenceId: rem.occurrenceId };
}
