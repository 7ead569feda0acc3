import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { controlTestOccurrences } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import "./actions";
import { createPeriod, generatePeriodSchedule, updateControl } from "./catalog-service";
import { controlInput, makeControl, uniqueCode } from "./test-fixtures";
import { recordTestResult } from "./test-service";

const action = (name: string) => actionRegistry.get(name)!;
let officer: RequestContext;
let owner: RequestContext;
let auditor: RequestContext;

beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  owner = await signedInContext(await insertUser(["security_lead"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
});
afterAll(closeDb);

async function occurrencesOf(periodId: string, controlId: string) {
  return db
    .select({
      id: controlTestOccurrences.id,
      windowStart: controlTestOccurrences.windowStart,
      windowEnd: controlTestOccurrences.windowEnd,
      dueOn: controlTestOccurrences.dueOn,
      frequency: controlTestOccurrences.frequency,
    })
    .from(controlTestOccurrences)
    .where(and(eq(controlTestOccurrences.periodId, periodId), eq(controlTestOccurrences.controlId, controlId)))
    .orderBy(controlTestOccurrences.windowStart);
}

describe("controls.create", () => {
  it("is refused for an auditor, and creates a control with one audit event for a compliance officer", async () => {
    const input = { ...controlInput(owner.user!.id), "criteria[]": undefined };
    expect(await action("controls.create").invoke(auditor, input)).toMatchObject({ ok: false, code: "forbidden" });
    const after = await headSeq();
    const result = await action("controls.create").invoke(officer, input);
    expect(result).toMatchObject({ ok: true });
    const events = await auditEvents({ afterSeq: after, actorUserId: officer.user!.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "config_change",
      action: "control.created",
      metadata: { before: null, after: { code: input.code, frequency: "monthly", criteria: ["CC6"] } },
    });
  });

  it("refuses an unknown criterion and a duplicate code with field errors, writing nothing", async () => {
    const after = await headSeq();
    expect(await action("controls.create").invoke(officer, controlInput(owner.user!.id, { criteria: ["ZZ9"] }))).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { criteria: [expect.any(String)] },
    });
    const existing = await makeControl(officer, owner.user!.id);
    const afterFixture = await headSeq();
    expect(await action("controls.create").invoke(officer, controlInput(owner.user!.id, { code: existing.code }))).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { code: [expect.any(String)] },
    });
    expect(await headSeq()).toBe(afterFixture);
    expect(afterFixture).toBe(after + 1); // only the fixture's own event
  });
});

describe("schedule generation", () => {
  it("persists one test per control per interval across New Year, and regenerating changes nothing", async () => {
    const control = await makeControl(officer, owner.user!.id, { frequency: "monthly", dueDay: 31 });
    const period = await db.transaction((tx) =>
      createPeriod(tx, officer, { name: `Across New Year ${uniqueCode()}`, startsOn: "2027-10-01", endsOn: "2028-03-31" }),
    );
    const first = await db.transaction((tx) => generatePeriodSchedule(tx, officer, { periodId: period.id }, "2027-09-01"));
    expect(first.added).toBeGreaterThanOrEqual(6);
    expect((await occurrencesOf(period.id, control.id)).map((o) => o.dueOn)).toEqual([
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
    ]);
    const after = await headSeq();
    const again = await db.transaction((tx) => generatePeriodSchedule(tx, officer, { periodId: period.id }, "2027-09-01"));
    expect(again).toMatchObject({ added: 0, removed: 0, total: first.total });
    // Regenerating is still audited (who pressed the button, and that nothing changed).
    expect((await auditEvents({ afterSeq: after, resourceId: period.id }))[0]).toMatchObject({
      action: "audit_period.schedule_generated",
      metadata: { added: 0, removed: 0 },
    });
  });

  it("is refused for a control owner who does not manage the catalog", async () => {
    const period = await db.transaction((tx) =>
      createPeriod(tx, officer, { name: `Refused ${uniqueCode()}`, startsOn: "2027-01-01", endsOn: "2027-12-31" }),
    );
    expect(await action("controls.generate_schedule").invoke(owner, { periodId: period.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("a frequency change reschedules only future, unrecorded occurrences, and says so in its audit event", async () => {
    const control = await makeControl(officer, owner.user!.id, { frequency: "monthly", dueDay: 31 });
    const period = await db.transaction((tx) =>
      createPeriod(tx, officer, { name: `Reschedule ${uniqueCode()}`, startsOn: "2026-01-01", endsOn: "2026-12-31" }),
    );
    await db.transaction((tx) => generatePeriodSchedule(tx, officer, { periodId: period.id }, "2026-05-10"));
    const before = await occurrencesOf(period.id, control.id);
    // January is recorded; today is 10 May.
    await db.transaction((tx) =>
      recordTestResult(
        tx,
        owner,
        {
          occurrenceId: before[0]!.id,
          result: "pass",
          testerId: owner.user!.id,
          testedOn: "2026-01-30",
          procedureFollowed: "Done.",
          findings: "",
          evidenceIds: [],
          remediationPlan: "",
          correctionReason: "",
        },
        "2026-05-10",
      ),
    );
    const after = await headSeq();
    const { rescheduled } = await db.transaction((tx) =>
      updateControl(
        tx,
        officer,
        { ...controlInput(owner.user!.id, { code: control.code, frequency: "quarterly" }), controlId: control.id },
        "2026-05-10",
      ),
    );
    expect(rescheduled).toEqual([{ periodId: period.id, removed: 6, added: 2 }]);
    const now = await occurrencesOf(period.id, control.id);
    // Jan–May kept (started or recorded, by their ids), June kept as the rest of Q2, then quarters.
    expect(now.slice(0, 6).map((o) => o.id)).toEqual(before.slice(0, 6).map((o) => o.id));
    expect(now.slice(6).map((o) => [o.windowStart, o.windowEnd, o.frequency])).toEqual([
      ["2026-07-01", "2026-09-30", "quarterly"],
      ["2026-10-01", "2026-12-31", "quarterly"],
    ]);
    const events = await auditEvents({ afterSeq: after, resourceId: control.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "control.updated",
      metadata: { before: { frequency: "monthly" }, after: { frequency: "quarterly" }, rescheduled: [{ removed: 6, added: 2 }] },
    });
    // And regenerating the period afterwards leaves it alone.
    expect(await db.transaction((tx) => generatePeriodSchedule(tx, officer, { periodId: period.id }, "2026-05-10"))).toMatchObject({
      added: 0,
      removed: 0,
    });
  });
});
