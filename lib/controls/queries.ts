import "server-only";
import { and, asc, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { auditPeriods, controlCriteria, controls, soc2Criteria, users } from "@/db/schema";
import type { AiRelevance, Frequency } from "./vocabulary";

/** Reads of the catalog and the periods. Explicit columns: nothing but what the pages show. */

export type ControlItem = {
  id: string;
  code: string;
  name: string;
  category: string;
  description: string;
  frequency: Frequency;
  dueDay: number;
  aiRelevance: AiRelevance;
  testProcedure: string;
  ownerId: string;
  ownerName: string;
  criteria: string[];
  updatedAt: Date;
};

const criteriaColumn = sql<
  string[]
>`coalesce((select array_agg(${controlCriteria.criterionCode} order by ${controlCriteria.criterionCode}) from ${controlCriteria} where ${controlCriteria.controlId} = ${controls.id}), '{}')`;

const controlColumns = {
  id: controls.id,
  code: controls.code,
  name: controls.name,
  category: controls.category,
  description: controls.description,
  frequency: sql<Frequency>`${controls.frequency}`,
  dueDay: controls.dueDay,
  aiRelevance: sql<AiRelevance>`${controls.aiRelevance}`,
  testProcedure: controls.testProcedure,
  ownerId: controls.ownerId,
  ownerName: users.name,
  criteria: criteriaColumn,
  updatedAt: controls.updatedAt,
};

export async function listControls(executor: Executor = db): Promise<ControlItem[]> {
  return executor.select(controlColumns).from(controls).innerJoin(users, eq(users.id, controls.ownerId)).orderBy(asc(controls.code));
}

export async function getControl(executor: Executor, controlId: string): Promise<ControlItem | null> {
  const [row] = await executor
    .select(controlColumns)
    .from(controls)
    .innerJoin(users, eq(users.id, controls.ownerId))
    .where(eq(controls.id, controlId));
  return row ?? null;
}

export async function getControlByCode(executor: Executor, code: string): Promise<ControlItem | null> {
  const [row] = await executor
    .select(controlColumns)
    .from(controls)
    .innerJoin(users, eq(users.id, controls.ownerId))
    .where(eq(controls.code, code));
  return row ?? null;
}

export type Criterion = { code: string; title: string; category: string };

export async function listCriteria(executor: Executor = db): Promise<Criterion[]> {
  return executor
    .select({ code: soc2Criteria.code, title: soc2Criteria.title, category: soc2Criteria.category })
    .from(soc2Criteria)
    .orderBy(asc(soc2Criteria.sortOrder));
}

export type Person = { id: string; name: string; email: string };

/** Active accounts, for owner and tester pickers (names and emails only). */
export async function listPeople(executor: Executor = db): Promise<Person[]> {
  return executor
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name));
}

export type PeriodItem = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  scheduleGeneratedAt: Date | null;
  occurrences: number;
};

const periodColumns = {
  id: auditPeriods.id,
  name: auditPeriods.name,
  startsOn: auditPeriods.startsOn,
  endsOn: auditPeriods.endsOn,
  scheduleGeneratedAt: auditPeriods.scheduleGeneratedAt,
  // Qualified by hand: in a single-table select Drizzle leaves column names unqualified.
  occurrences: sql<number>`(select count(*)::int from control_test_occurrences o where o.period_id = audit_periods.id)`,
};

export async function listPeriods(executor: Executor = db): Promise<PeriodItem[]> {
  return executor.select(periodColumns).from(auditPeriods).orderBy(desc(auditPeriods.startsOn), asc(auditPeriods.name));
}

export async function getPeriod(periodId: string, executor: Executor = db): Promise<PeriodItem | null> {
  const [row] = await executor.select(periodColumns).from(auditPeriods).where(eq(auditPeriods.id, periodId));
  return row ?? null;
}

/** The period an auditor most likely means today: the latest-starting one containing the day. */
export async function periodContaining(day: string, executor: Executor = db): Promise<PeriodItem | null> {
  const [row] = await executor
    .select(periodColumns)
    .from(auditPeriods)
    .where(and(lte(auditPeriods.startsOn, day), gte(auditPeriods.endsOn, day)))
    .orderBy(desc(auditPeriods.startsOn))
    .limit(1);
  return row ?? null;
}
