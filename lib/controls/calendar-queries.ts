import "server-only";
import { and, asc, eq, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { controlRemediations, controls, controlTestOccurrences, controlTestResults, users } from "@/db/schema";
import { occurrenceState } from "./status";
import type { OccurrenceState, RemediationStatus, TestResult } from "./vocabulary";

/** The calendar's reads: occurrences in a date range with their standing result and state. */

export type OccurrenceItem = {
  id: string;
  periodId: string;
  controlId: string;
  controlCode: string;
  controlName: string;
  ownerId: string;
  ownerName: string;
  windowStart: string;
  windowEnd: string;
  dueOn: string;
  result: TestResult | null;
  testedOn: string | null;
  state: OccurrenceState;
};

export const occurrenceColumns = {
  id: controlTestOccurrences.id,
  periodId: controlTestOccurrences.periodId,
  controlId: controlTestOccurrences.controlId,
  controlCode: controls.code,
  controlName: controls.name,
  ownerId: controls.ownerId,
  ownerName: users.name,
  windowStart: controlTestOccurrences.windowStart,
  windowEnd: controlTestOccurrences.windowEnd,
  dueOn: controlTestOccurrences.dueOn,
  // The standing record (the one no correction superseded), kept on the row by a trigger.
  result: sql<TestResult | null>`${controlTestOccurrences.standingResult}`,
  testedOn: controlTestOccurrences.standingTestedOn,
};

export type OccurrenceFilter = {
  from: string;
  to: string;
  controlId?: string;
  ownerId?: string;
  state?: OccurrenceState;
  periodId?: string;
};

/** Occurrences due between two days (inclusive), filtered; the state filter applies after the clock. */
export async function listOccurrences(filter: OccurrenceFilter, today: string, executor: Executor = db): Promise<OccurrenceItem[]> {
  const where: SQL[] = [gte(controlTestOccurrences.dueOn, filter.from), lte(controlTestOccurrences.dueOn, filter.to)];
  if (filter.controlId) where.push(eq(controlTestOccurrences.controlId, filter.controlId));
  if (filter.ownerId) where.push(eq(controls.ownerId, filter.ownerId));
  if (filter.periodId) where.push(eq(controlTestOccurrences.periodId, filter.periodId));
  const rows = await executor
    .select(occurrenceColumns)
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .innerJoin(users, eq(users.id, controls.ownerId))
    .where(and(...where))
    .orderBy(asc(controlTestOccurrences.dueOn), asc(controls.code));
  const items = rows.map((r) => ({ ...r, state: occurrenceState(r.dueOn, r.result, today) }));
  return filter.state ? items.filter((i) => i.state === filter.state) : items;
}

export type MyWork = {
  tests: OccurrenceItem[];
  remediations: {
    id: string;
    occurrenceId: string;
    controlCode: string;
    controlName: string;
    dueOn: string;
    status: RemediationStatus;
    overdue: boolean;
  }[];
};

/** An owner's home page: their unrecorded tests that are overdue or due within the week, and their open remediations. */
export async function getMyWork(userId: string, today: string, executor: Executor = db): Promise<MyWork> {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const tests = await executor
    .select(occurrenceColumns)
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .innerJoin(users, eq(users.id, controls.ownerId))
    .where(and(eq(controls.ownerId, userId), lte(controlTestOccurrences.dueOn, soon), isNull(controlTestOccurrences.standingResultId)))
    .orderBy(asc(controlTestOccurrences.dueOn), asc(controls.code))
    .limit(50);
  const remediations = await executor
    .select({
      id: controlRemediations.id,
      occurrenceId: controlTestResults.occurrenceId,
      controlCode: controls.code,
      controlName: controls.name,
      dueOn: controlRemediations.dueOn,
      status: sql<RemediationStatus>`${controlRemediations.status}`,
    })
    .from(controlRemediations)
    .innerJoin(controlTestResults, eq(controlTestResults.id, controlRemediations.resultId))
    .innerJoin(controls, eq(controls.id, controlTestResults.controlId))
    .where(
      and(eq(controlRemediations.ownerId, userId), sql`${controlRemediations.status} <> 'closed'`, isNull(controlRemediations.closedAt)),
    )
    .orderBy(asc(controlRemediations.dueOn))
    .limit(50);
  return {
    tests: tests.map((r) => ({ ...r, state: occurrenceState(r.dueOn, r.result, today) })),
    remediations: remediations.map((r) => ({ ...r, overdue: r.dueOn < today })),
  };
}
