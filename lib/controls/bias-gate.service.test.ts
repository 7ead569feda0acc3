import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import type { RequestContext } from "@/lib/context";
import { evaluateGates, type GateInput } from "@/lib/governance/gates";
import { insertUser, signedInContext } from "@/test/db";
import { evaluateBiasTestingGate } from "./bias-gate";
import { getControlByCode } from "./queries";
import { intervalContaining } from "./schedule";
import { makeControl, makePeriod } from "./test-fixtures";
import { recordTestResult } from "./test-service";
import { todayUtc } from "./today";

/** The production promotion gate read from real control results (the only file that creates AI.3). */
let officer: RequestContext;
let owner: RequestContext;
const today = todayUtc();
const now = new Date(`${today}T12:00:00Z`);

beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  owner = await signedInContext(await insertUser(["qa_lead"]));
});
afterAll(closeDb);

const input = (): GateInput => ({
  target: "production",
  model: { id: "m", key: "fraud", thresholds: [] },
  version: {
    id: "v",
    version: "1.0.0",
    status: "staging",
    card: { intendedUse: "x", limitations: "x", knownBiases: "x", riskTier: "low" },
    metrics: {},
    artifactDigest: `sha256:${"a".repeat(64)}`,
    trainingDataHash: `sha256:${"b".repeat(64)}`,
  },
  now,
  executor: db,
});

describe("AI.3 bias testing gate", () => {
  it("fails until AI.3 has a standing pass in its current interval, and passes after", async () => {
    if (!(await getControlByCode(db, "AI.3"))) {
      expect(await evaluateBiasTestingGate(db, now)).toMatchObject({
        passed: false,
        detail: expect.stringMatching(/not in the control catalog/),
      });
      await makeControl(officer, owner.user!.id, {
        code: "AI.3",
        name: "Model Bias Testing",
        frequency: "quarterly",
        aiRelevance: "direct",
      });
    }
    const control = (await getControlByCode(db, "AI.3"))!;
    const quarter = intervalContaining("quarterly", today);
    const period = await makePeriod(officer, quarter.start, quarter.end, today);
    const [occ] = await db.execute<{ id: string }>(
      sql`SELECT id FROM control_test_occurrences WHERE period_id = ${period.id} AND control_id = ${control.id}`,
    );

    const none = await evaluateBiasTestingGate(db, now);
    expect(none).toMatchObject({ passed: false, detail: expect.stringMatching(/no recorded result in the current interval/) });
    expect(none.inputs[1]).toMatchObject({ label: "Current interval", value: `${quarter.start} – ${quarter.end}` });

    const base = {
      occurrenceId: occ!.id,
      testerId: owner.user!.id,
      testedOn: today,
      procedureFollowed: "Fairness suite.",
      evidenceIds: [],
      remediationPlan: "",
      correctionReason: "",
    };
    const failed = await db.transaction((tx) =>
      recordTestResult(
        tx,
        officer,
        { ...base, result: "fail", findings: "FNR over tolerance.", remediationOwnerId: owner.user!.id, remediationDueOn: today },
        today,
      ),
    );
    expect(await evaluateBiasTestingGate(db, now)).toMatchObject({ passed: false, detail: expect.stringMatching(/is fail, not a pass/) });

    await db.transaction((tx) =>
      recordTestResult(
        tx,
        officer,
        { ...base, result: "pass", findings: "", supersedesId: failed.resultId, correctionReason: "Re-run on the right evaluation set." },
        today,
      ),
    );
    const passed = await evaluateBiasTestingGate(db, now);
    expect(passed).toMatchObject({
      passed: true,
      inputs: [{ label: "Control" }, { label: "Current interval" }, { label: "Result in the interval", ok: true }],
    });

    // Registered in governance's list: a production request sees it, a staging one does not.
    const gates = await evaluateGates(input());
    expect(gates.find((g) => g.id === "bias_testing_passed")).toMatchObject({
      passed: true,
      title: expect.stringMatching(/^AI\.3 Model Bias Testing/),
    });
    expect((await evaluateGates({ ...input(), target: "staging" })).find((g) => g.id === "bias_testing_passed")).toBeUndefined();
  });

  it("on a day no audit period schedules, reads the frequency's calendar interval instead", async () => {
    const later = new Date("2099-05-20T12:00:00Z"); // no period covers it
    const quarter = intervalContaining("quarterly", "2099-05-20");
    const result = await evaluateBiasTestingGate(db, later);
    expect(result).toMatchObject({ passed: false, detail: expect.stringMatching(/no recorded result in the current interval/) });
    expect(result.inputs[1]).toEqual({
      label: "Current interval",
      value: `${quarter.start} – ${quarter.end} (no audit period covers today)`,
    });
  });

  it("fails closed without a database to read from", async () => {
    const gates = await evaluateGates({ ...input(), executor: undefined });
    expect(gates.find((g) => g.id === "bias_testing_passed")).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/could not run/),
    });
  });
});
