import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, sqlClient } from "@/db/client";
import { controlRemediations, controlTestOccurrences, controlTestResults } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import "./actions";
import { pgErrorCode } from "./pg-errors";
import { makeControl, makePeriod } from "./test-fixtures";
import { getOccurrenceDetail } from "./test-queries";
import { todayUtc } from "./today";

const action = (name: string) => actionRegistry.get(name)!;
let officer: RequestContext;
let owner: RequestContext;
let otherContributor: RequestContext;
let auditor: RequestContext;
let occurrenceIds: string[];
const today = todayUtc();

beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  owner = await signedInContext(await insertUser(["qa_lead"]));
  otherContributor = await signedInContext(await insertUser(["ml_engineer"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
  // A weekly control over the last 20 weeks: plenty of past occurrences to record.
  const control = await makeControl(officer, owner.user!.id, { frequency: "weekly" });
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - 140 * 86_400_000).toISOString().slice(0, 10);
  const period = await makePeriod(officer, start, today, today);
  const rows = await db
    .select({ id: controlTestOccurrences.id, controlId: controlTestOccurrences.controlId })
    .from(controlTestOccurrences)
    .where(eq(controlTestOccurrences.periodId, period.id))
    .orderBy(controlTestOccurrences.windowStart);
  occurrenceIds = rows.filter((r) => r.controlId === control.id).map((r) => r.id);
});
afterAll(closeDb);

let next = 1;
async function pastOccurrence() {
  const id = occurrenceIds[next++]!;
  const detail = (await getOccurrenceDetail(id, today))!;
  return { id, testedOn: detail.windowEnd < today ? detail.windowEnd : today };
}

const pass = (occurrenceId: string, testedOn: string, over: Record<string, unknown> = {}) => ({
  occurrenceId,
  result: "pass",
  testerId: owner.user!.id,
  testedOn,
  procedureFollowed: "Reviewed every alert of the week.",
  findings: "",
  ...over,
});

describe("controls.record_result", () => {
  it("is refused for an auditor, and for a contributor who does not own the control", async () => {
    const o = await pastOccurrence();
    expect(await action("controls.record_result").invoke(auditor, pass(o.id, o.testedOn))).toMatchObject({ ok: false, code: "forbidden" });
    const after = await headSeq();
    expect(await action("controls.record_result").invoke(otherContributor, pass(o.id, o.testedOn))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await headSeq()).toBe(after);
  });

  it("records a pass with exactly one audit event holding before/after, and locks it", async () => {
    const o = await pastOccurrence();
    const after = await headSeq();
    expect(await action("controls.record_result").invoke(owner, pass(o.id, o.testedOn))).toMatchObject({ ok: true });
    const events = await auditEvents({ afterSeq: after, resourceId: o.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "data_modification",
      action: "control_test.recorded",
      actorUserId: owner.user!.id,
      metadata: { before: null, after: { result: "pass", testedOn: o.testedOn, remediation: null } },
    });
    // Recording again is a conflict: the record is locked, a correction is the way.
    expect(await action("controls.record_result").invoke(owner, pass(o.id, o.testedOn))).toMatchObject({ ok: false, code: "conflict" });
    // The database refuses to change or delete it, whatever the application does.
    const [row] = await db.select({ id: controlTestResults.id }).from(controlTestResults).where(eq(controlTestResults.occurrenceId, o.id));
    for (const statement of [
      sql`UPDATE control_test_results SET result = 'fail' WHERE id = ${row!.id}`,
      sql`DELETE FROM control_test_results WHERE id = ${row!.id}`,
    ]) {
      const err = await db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(pgErrorCode(err)).toBe("42501");
    }
  });

  it("requires remediation for a result that is not a pass, and writes nothing without it", async () => {
    const o = await pastOccurrence();
    const after = await headSeq();
    const result = await action("controls.record_result").invoke(
      owner,
      pass(o.id, o.testedOn, { result: "fail", findings: "Alerts were not triaged." }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { remediationOwnerId: [expect.any(String)], remediationDueOn: [expect.any(String)] },
    });
    expect(await headSeq()).toBe(after);
    expect((await getOccurrenceDetail(o.id, today))!.records).toHaveLength(0);
  });

  it("the database refuses a non-pass result committed without remediation (the backstop), and accepts it with one", async () => {
    const o = await pastOccurrence();
    const insert = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
      tx
        .insert(controlTestResults)
        .values({
          occurrenceId: o.id,
          controlId: sql`(select control_id from control_test_occurrences where id = ${o.id})`,
          result: "fail",
          testerId: owner.user!.id,
          testedOn: o.testedOn,
          procedureFollowed: "x",
          recordedBy: owner.user!.id,
        })
        .returning({ id: controlTestResults.id });
    const err = await db
      .transaction(async (tx) => void (await insert(tx)))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(err)).toBe("23514");
    // Negative control: the same insert with its remediation in the same transaction commits.
    await db.transaction(async (tx) => {
      const [r] = await insert(tx);
      await tx.insert(controlRemediations).values({ resultId: r!.id, ownerId: owner.user!.id, dueOn: today });
    });
    expect((await getOccurrenceDetail(o.id, today))!.state).toBe("failed");
  });

  it("records a fail with remediation, then a correction: a new linked record, both visible, the correction standing", async () => {
    const o = await pastOccurrence();
    const failed = await action("controls.record_result").invoke(
      owner,
      pass(o.id, o.testedOn, {
        result: "fail",
        findings: "Two alerts untriaged.",
        remediationOwnerId: otherContributor.user!.id,
        remediationDueOn: today,
        remediationPlan: "Triage them.",
      }),
    );
    expect(failed).toMatchObject({ ok: true });
    const first = (await getOccurrenceDetail(o.id, today))!;
    expect(first).toMatchObject({
      state: "failed",
      records: [{ result: "fail", remediation: { status: "open", ownerId: otherContributor.user!.id, dueOn: today } }],
    });

    // The remediation owner may work it, though they do not own the control; closing needs a note.
    const remediationId = first.records[0]!.remediation!.id;
    expect(
      await action("controls.update_remediation").invoke(otherContributor, { remediationId, status: "closed", closingNote: "" }),
    ).toMatchObject({ ok: false, code: "validation", fieldErrors: { closingNote: [expect.any(String)] } });
    const afterClose = await headSeq();
    expect(
      await action("controls.update_remediation").invoke(otherContributor, {
        remediationId,
        status: "closed",
        closingNote: "Both triaged; alert routing fixed.",
      }),
    ).toMatchObject({ ok: true });
    expect((await auditEvents({ afterSeq: afterClose, resourceId: remediationId }))[0]).toMatchObject({
      action: "control_remediation.closed",
      metadata: { before: { status: "open" }, after: { status: "closed" } },
    });
    expect(
      await action("controls.update_remediation").invoke(otherContributor, { remediationId, status: "open", closingNote: "" }),
    ).toMatchObject({ ok: false, code: "conflict" });

    // A correction without a reason is refused; with one it is a new record superseding the first.
    const correction = pass(o.id, o.testedOn, {
      supersedesId: first.records[0]!.id,
      findings: "The alerts were triaged in the other queue.",
    });
    expect(await action("controls.record_result").invoke(owner, correction)).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { correctionReason: [expect.any(String)] },
    });
    const after = await headSeq();
    expect(
      await action("controls.record_result").invoke(owner, { ...correction, correctionReason: "Looked at the wrong queue." }),
    ).toMatchObject({ ok: true });
    const events = await auditEvents({ afterSeq: after, resourceId: o.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "control_test.corrected",
      metadata: { before: { result: "fail" }, after: { result: "pass", supersedes: first.records[0]!.id } },
    });
    const now = (await getOccurrenceDetail(o.id, today))!;
    expect(now.state).toBe("passed");
    expect(now.records.map((r) => [r.result, r.supersededById !== null, r.supersedesId === first.records[0]!.id])).toEqual([
      ["fail", true, false],
      ["pass", false, true],
    ]);
    // Correcting the superseded record again is refused: only the standing one can be corrected.
    expect(await action("controls.record_result").invoke(owner, { ...correction, correctionReason: "Again." })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("refuses a test date in the future or before the interval", async () => {
    const o = await pastOccurrence();
    const detail = (await getOccurrenceDetail(o.id, today))!;
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const before = new Date(Date.parse(`${detail.windowStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await action("controls.record_result").invoke(owner, pass(o.id, tomorrow))).toMatchObject({
      ok: false,
      fieldErrors: { testedOn: [expect.stringMatching(/future/)] },
    });
    expect(await action("controls.record_result").invoke(owner, pass(o.id, before))).toMatchObject({
      ok: false,
      fieldErrors: { testedOn: [expect.any(String)] },
    });
    expect(await action("controls.record_result").invoke(owner, pass(o.id, "2026-02-30"))).toMatchObject({ ok: false, code: "validation" });
  });
});

describe("concurrent recording", () => {
  it("two owners recording the same test at once: exactly one original record", async () => {
    const o = await pastOccurrence();
    const results = await Promise.all([
      action("controls.record_result").invoke(owner, pass(o.id, o.testedOn)),
      action("controls.record_result").invoke(officer, pass(o.id, o.testedOn)),
    ]);
    expect(results.filter((r) => r?.ok).length).toBe(1);
    expect(results.filter((r) => r?.ok === false && r.code === "conflict").length).toBe(1);
    const rows = await sqlClient()`SELECT count(*)::int AS n FROM control_test_results WHERE occurrence_id = ${o.id}`;
    expect(rows[0]!.n).toBe(1);
  });
});

describe("the standing record on the occurrence", () => {
  it("follows the records (trigger), and cannot be set directly", async () => {
    const o = await pastOccurrence();
    expect(await action("controls.record_result").invoke(owner, pass(o.id, o.testedOn))).toMatchObject({ ok: true });
    const [row] = await db
      .select({ standingResult: controlTestOccurrences.standingResult, standingResultId: controlTestOccurrences.standingResultId })
      .from(controlTestOccurrences)
      .where(eq(controlTestOccurrences.id, o.id));
    expect(row!.standingResult).toBe("pass");
    const err = await db.execute(sql`UPDATE control_test_occurrences SET standing_result = 'fail' WHERE id = ${o.id}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorCode(err)).toBe("42501");
    // A second original (not superseding the standing record) is refused by the database too.
    const dup = await db
      .insert(controlTestResults)
      .values({
        occurrenceId: o.id,
        controlId: sql`(select control_id from control_test_occurrences where id = ${o.id})`,
        result: "pass",
        testerId: owner.user!.id,
        testedOn: o.testedOn,
        procedureFollowed: "x",
        recordedBy: owner.user!.id,
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(dup)).toBe("23505");
  });
});
