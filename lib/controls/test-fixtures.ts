import { randomInt } from "node:crypto";
import { db } from "@/db/client";
import type { RequestContext } from "@/lib/context";
import { createControl, createPeriod, generatePeriodSchedule } from "./catalog-service";
import type { CreateControlInput } from "./schemas";
import type { Frequency } from "./vocabulary";

/**
 * Fixtures for the controls service tests. The service database is shared by every test
 * file and by reruns, so codes and names are unique per call and nothing is truncated.
 */
export function uniqueCode(): string {
  return `T${randomInt(10, 99)}.${randomInt(1, 999)}.${randomInt(1, 999)}`;
}

export function controlInput(ownerId: string, over: Partial<CreateControlInput> = {}): CreateControlInput {
  return {
    code: uniqueCode(),
    name: "Test control",
    category: "Testing",
    description: "",
    frequency: "monthly",
    dueDay: 31,
    aiRelevance: "none",
    testProcedure: "Look at it carefully.",
    ownerId,
    criteria: ["CC6"],
    ...over,
  };
}

export async function makeControl(manager: RequestContext, ownerId: string, over: Partial<CreateControlInput> = {}) {
  return db.transaction((tx) => createControl(tx, manager, controlInput(ownerId, over)));
}

/** A period with a unique name, its schedule generated as of `today`. */
export async function makePeriod(manager: RequestContext, startsOn: string, endsOn: string, today: string) {
  const period = await db.transaction((tx) => createPeriod(tx, manager, { name: `Test period ${uniqueCode()}`, startsOn, endsOn }));
  await db.transaction((tx) => generatePeriodSchedule(tx, manager, { periodId: period.id }, today));
  return period;
}

export type { Frequency };
