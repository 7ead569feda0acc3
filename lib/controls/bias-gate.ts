import "server-only";
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { controlTestOccurrences, controlTestResults, users } from "@/db/schema";
import { getControlByCode } from "./queries";
import { intervalContaining } from "./schedule";
import { todayUtc } from "./today";
import { BIAS_TESTING_CONTROL_CODE, FREQUENCY_LABELS } from "./vocabulary";

/**
 * The check model governance runs before a production promotion: control AI.3 Model Bias
 * Testing has a passing result within its current interval. The interval is the window of
 * the AI.3 test scheduled over today (its audit period's schedule); with no period covering
 * today, the calendar interval of the control's frequency. Only standing records count (a
 * pass later corrected to a fail does not). Shaped as the governance gate result
 * ({ passed, inputs, detail }) without importing governance, so either module builds alone.
 */
export type BiasGateResult = { passed: boolean; inputs: { label: string; value: string; ok?: boolean }[]; detail: string };

export async function evaluateBiasTestingGate(executor: Executor, now: Date): Promise<BiasGateResult> {
  const today = todayUtc(now);
  const control = await getControlByCode(executor, BIAS_TESTING_CONTROL_CODE);
  if (!control) {
    return { passed: false, inputs: [{ label: "Control", value: `${BIAS_TESTING_CONTROL_CODE} not in the catalog`, ok: false }], detail: `Control ${BIAS_TESTING_CONTROL_CODE} Model Bias Testing is not in the control catalog, so no bias test can be shown.` };
  }
  const [scheduled] = await executor
    .select({ start: controlTestOccurrences.windowStart, end: controlTestOccurrences.windowEnd })
    .from(controlTestOccurrences)
    .where(and(eq(controlTestOccurrences.controlId, control.id), lte(controlTestOccurrences.windowStart, today), gte(controlTestOccurrences.windowEnd, today)))
    .orderBy(desc(controlTestOccurrences.windowStart))
    .limit(1);
  const interval = scheduled ?? intervalContaining(control.frequency, today);
  const [latest] = await executor
    .select({ result: controlTestResults.result, testedOn: controlTestResults.testedOn, tester: users.name })
    .from(controlTestResults)
    .innerJoin(users, eq(users.id, controlTestResults.testerId))
    .where(
      and(
        eq(controlTestResults.controlId, control.id),
        gte(controlTestResults.testedOn, interval.start),
        lte(controlTestResults.testedOn, interval.end),
        sql`not exists (select 1 from control_test_results c where c.supersedes_id = ${controlTestResults.id})`,
      ),
    )
    .orderBy(sql`(${controlTestResults.result} = 'pass') desc`, desc(controlTestResults.testedOn))
    .limit(1);
  const passed = latest?.result === "pass";
  const window = `${interval.start} – ${interval.end}`;
  return {
    passed,
    inputs: [
      { label: "Control", value: `${control.code} ${control.name} (${FREQUENCY_LABELS[control.frequency].toLowerCase()})` },
      { label: "Current interval", value: scheduled ? window : `${window} (no audit period covers today)` },
      { label: "Result in the interval", value: latest ? `${latest.result} on ${latest.testedOn} by ${latest.tester}` : "none recorded", ok: passed },
    ],
    detail: passed
      ? `${control.code} passed on ${latest!.testedOn}, within the current interval ${window}.`
      : latest
        ? `${control.code}'s result in the current interval (${window}) is ${latest.result}, not a pass.`
        : `${control.code} has no recorded result in the current interval (${window}).`,
  };
}
