import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditChecklistItems, auditPeriods, controlCriteria, controls, controlTestOccurrences, soc2Criteria, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { CHECKLIST_TEMPLATE } from "./checklist-template";
import { pgErrorCode } from "./pg-errors";
import { getControl, type ControlItem } from "./queries";
import { generateSchedule, planSchedule, type ExistingOccurrence, type Period, type Slot } from "./schedule";
import type { CreateControlInput, CreatePeriodInput, GenerateScheduleInput, UpdateControlInput } from "./schemas";
import { todayUtc } from "./today";
import type { Frequency } from "./vocabulary";

/** The catalog, periods and their schedules. Callers hold the transaction; each verb audits within it, last. */

async function assertActivePerson(tx: Transaction, userId: string, field: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!row) throw new AppError("validation", "Choose an active user.", { fieldErrors: { [field]: ["Choose an active user."] } });
}

async function assertCriteria(tx: Transaction, codes: string[]) {
  const found = await tx.select({ code: soc2Criteria.code }).from(soc2Criteria).where(inArray(soc2Criteria.code, codes));
  const unknown = codes.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length > 0)
    throw new AppError("validation", `Unknown criteria: ${unknown.join(", ")}.`, {
      fieldErrors: { criteria: [`Unknown criteria: ${unknown.join(", ")}.`] },
    });
}

const snapshot = (c: ControlItem) => ({
  code: c.code,
  name: c.name,
  category: c.category,
  frequency: c.frequency,
  dueDay: c.dueDay,
  aiRelevance: c.aiRelevance,
  ownerId: c.ownerId,
  criteria: c.criteria,
  testProcedure: c.testProcedure,
  description: c.description,
});

const codeTaken = () =>
  new AppError("conflict", "Another control has this code.", { fieldErrors: { code: ["Another control has this code."] } });

export async function createControl(tx: Transaction, ctx: RequestContext, input: CreateControlInput): Promise<ControlItem> {
  await assertActivePerson(tx, input.ownerId, "ownerId");
  await assertCriteria(tx, input.criteria);
  const { criteria, ...fields } = input;
  const [row] = await tx
    .insert(controls)
    .values({ ...fields, createdBy: ctx.user?.id ?? null })
    .onConflictDoNothing({ target: controls.code })
    .returning({ id: controls.id });
  if (!row) throw codeTaken();
  await tx.insert(controlCriteria).values(criteria.map((criterionCode) => ({ controlId: row.id, criterionCode })));
  const after = (await getControl(tx, row.id))!;
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "control.created",
    outcome: "success",
    resource: { type: "control", id: row.id },
    metadata: { before: null, after: snapshot(after) },
  });
  return after;
}

export async function updateControl(
  tx: Transaction,
  ctx: RequestContext,
  input: UpdateControlInput,
  today = todayUtc(),
): Promise<{ control: ControlItem; rescheduled: Reschedule[] }> {
  const locked = await tx.select({ id: controls.id }).from(controls).where(eq(controls.id, input.controlId)).for("update");
  if (locked.length === 0) throw new AppError("not_found", "No such control.");
  const before = (await getControl(tx, input.controlId))!;
  await assertActivePerson(tx, input.ownerId, "ownerId");
  await assertCriteria(tx, input.criteria);
  const { criteria, controlId, ...fields } = input;
  try {
    await tx
      .update(controls)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(controls.id, controlId));
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw codeTaken();
    throw err;
  }
  await tx.delete(controlCriteria).where(eq(controlCriteria.controlId, controlId));
  await tx.insert(controlCriteria).values(criteria.map((criterionCode) => ({ controlId, criterionCode })));
  const ruleChanged = before.frequency !== input.frequency || before.dueDay !== input.dueDay;
  const rescheduled = ruleChanged
    ? await rescheduleControl(tx, controlId, { frequency: input.frequency, dueDay: input.dueDay }, today)
    : [];
  const after = (await getControl(tx, controlId))!;
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "control.updated",
    outcome: "success",
    resource: { type: "control", id: controlId },
    metadata: { before: snapshot(before), after: snapshot(after), rescheduled },
  });
  return { control: after, rescheduled };
}

export type Reschedule = { periodId: string; removed: number; added: number };

/** A changed rule moves only future, unrecorded occurrences, in every period the control is scheduled in. */
async function rescheduleControl(
  tx: Transaction,
  controlId: string,
  rule: { frequency: Frequency; dueDay: number },
  today: string,
): Promise<Reschedule[]> {
  const periods = await tx
    .selectDistinct({ id: auditPeriods.id, startsOn: auditPeriods.startsOn, endsOn: auditPeriods.endsOn })
    .from(auditPeriods)
    .innerJoin(controlTestOccurrences, eq(controlTestOccurrences.periodId, auditPeriods.id))
    .where(eq(controlTestOccurrences.controlId, controlId));
  const out: Reschedule[] = [];
  for (const period of periods) {
    const existing = await existingOccurrences(tx, period.id, controlId);
    const plan = planSchedule(period, rule, existing.get(controlId) ?? [], today);
    await applyPlans(tx, period.id, [{ controlId, ...plan, frequency: rule.frequency }]);
    out.push({ periodId: period.id, removed: plan.remove.length, added: plan.add.length });
  }
  return out;
}

/** Existing occurrences of a period (optionally one control's), with whether each has a result. */
async function existingOccurrences(tx: Transaction, periodId: string, controlId?: string): Promise<Map<string, ExistingOccurrence[]>> {
  const rows = await tx
    .select({
      id: controlTestOccurrences.id,
      controlId: controlTestOccurrences.controlId,
      windowStart: controlTestOccurrences.windowStart,
      windowEnd: controlTestOccurrences.windowEnd,
      dueOn: controlTestOccurrences.dueOn,
      recorded: sql<boolean>`${controlTestOccurrences.standingResultId} is not null`,
    })
    .from(controlTestOccurrences)
    .where(and(eq(controlTestOccurrences.periodId, periodId), controlId ? eq(controlTestOccurrences.controlId, controlId) : undefined));
  const byControl = new Map<string, ExistingOccurrence[]>();
  for (const r of rows) {
    const list = byControl.get(r.controlId) ?? [];
    list.push(r);
    byControl.set(r.controlId, list);
  }
  return byControl;
}

type Plan = { controlId: string; frequency: Frequency; remove: string[]; add: Slot[] };

/** Deletes and inserts for many controls in two statements. */
async function applyPlans(tx: Transaction, periodId: string, plans: Plan[]): Promise<void> {
  const remove = plans.flatMap((p) => p.remove);
  if (remove.length > 0) {
    // A result recorded since the plan was made keeps its occurrence: the FK refuses, and
    // the filter makes sure we never try.
    await tx.execute(sql`DELETE FROM control_test_occurrences o WHERE o.id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(remove)}::json))
      AND NOT EXISTS (SELECT 1 FROM control_test_results r WHERE r.occurrence_id = o.id)`);
  }
  const rows = plans.flatMap((p) => p.add.map((s) => ({ c: p.controlId, f: p.frequency, ws: s.windowStart, we: s.windowEnd, d: s.dueOn })));
  // One JSON parameter per chunk: thousands of rows in one statement and one round trip.
  for (let i = 0; i < rows.length; i += 20_000) {
    await tx.execute(sql`
      INSERT INTO control_test_occurrences (period_id, control_id, frequency, window_start, window_end, due_on)
      SELECT ${periodId}::uuid, t.c, t.f, t.ws, t.we, t.d
        FROM json_to_recordset(${JSON.stringify(rows.slice(i, i + 20_000))}::json) AS t(c uuid, f text, ws date, we date, d date)
      ON CONFLICT (period_id, control_id, window_start) DO NOTHING`);
  }
}

export async function createPeriod(tx: Transaction, ctx: RequestContext, input: CreatePeriodInput): Promise<{ id: string }> {
  const [row] = await tx
    .insert(auditPeriods)
    .values({ ...input, createdBy: ctx.user?.id ?? null })
    .onConflictDoNothing({ target: auditPeriods.name })
    .returning({ id: auditPeriods.id });
  if (!row) throw new AppError("conflict", "Another period has this name.", { fieldErrors: { name: ["Another period has this name."] } });
  await tx.insert(auditChecklistItems).values(
    CHECKLIST_TEMPLATE.map((item, i) => ({
      periodId: row.id,
      category: item.category,
      title: item.title,
      description: item.description,
      sortOrder: i,
    })),
  );
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "audit_period.created",
    outcome: "success",
    resource: { type: "audit_period", id: row.id },
    metadata: { before: null, after: { ...input, checklistItems: CHECKLIST_TEMPLATE.length } },
  });
  return row;
}

export type ScheduleOutcome = { controls: number; added: number; removed: number; total: number };

/**
 * Creates the period's dated tests for every control. Idempotent: a second run adds and
 * removes nothing; after a control was added or changed it fills in and reschedules only
 * what planSchedule allows. The period row lock serializes two people pressing the button.
 */
export async function generatePeriodSchedule(
  tx: Transaction,
  ctx: RequestContext,
  input: GenerateScheduleInput,
  today = todayUtc(),
): Promise<ScheduleOutcome> {
  const [period] = await tx
    .select({ id: auditPeriods.id, name: auditPeriods.name, startsOn: auditPeriods.startsOn, endsOn: auditPeriods.endsOn })
    .from(auditPeriods)
    .where(eq(auditPeriods.id, input.periodId))
    .for("update");
  if (!period) throw new AppError("not_found", "No such period.");
  const outcome = await scheduleAllControls(tx, period, today);
  await tx
    .update(auditPeriods)
    .set({ scheduleGeneratedAt: sql`now()` })
    .where(eq(auditPeriods.id, period.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "audit_period.schedule_generated",
    outcome: "success",
    resource: { type: "audit_period", id: period.id },
    metadata: { period: { name: period.name, startsOn: period.startsOn, endsOn: period.endsOn }, ...outcome },
  });
  return outcome;
}

/** The pure generator over every control, then two statements. Exported for the benchmark. */
export async function scheduleAllControls(tx: Transaction, period: Period & { id: string }, today: string): Promise<ScheduleOutcome> {
  const rules = await tx
    .select({ id: controls.id, frequency: sql<Frequency>`${controls.frequency}`, dueDay: controls.dueDay })
    .from(controls);
  const existing = await existingOccurrences(tx, period.id);
  const plans: Plan[] = generateSchedule(period, rules).map(({ control, slots }) => {
    const mine = existing.get(control.id);
    const plan = mine ? planSchedule(period, control, mine, today, slots) : { remove: [], add: slots };
    return { controlId: control.id, frequency: control.frequency, ...plan };
  });
  await applyPlans(tx, period.id, plans);
  const added = plans.reduce((n, p) => n + p.add.length, 0);
  const removed = plans.reduce((n, p) => n + p.remove.length, 0);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(controlTestOccurrences)
    .where(eq(controlTestOccurrences.periodId, period.id));
  return { controls: rules.length, added, removed, total: count?.n ?? 0 };
}
