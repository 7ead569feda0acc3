import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { intervalContaining } from "./schedule";
import { todayUtc } from "./today";
import { BIAS_TESTING_CONTROL_CODE, FREQUENCY_LABELS, type Frequency } from "./vocabulary";

/**
 * The check model governance runs before a production promotion: control AI.3 Model Bias
 * Testing has a passing result within its current interval. The interval is the window of
 * the AI.3 test scheduled over today (its audit period's schedule); with no period covering
 * today, the calendar interval of the control's frequency. Only standing records count (a
 * pass later corrected to a fail does not). Shaped as the governance gate result
 * ({ passed, inputs, detail }) without importing governance, so either module builds alone.
 */
export type BiasGateResult = { passed: boolean; inputs: { label: string; value: string; ok?: boolean }[]; detail: string };

type Standing = { result: string; testedOn: string; tester: string };
/** The control, its scheduled window over today (if any) and that window's standing result (if any). */
type Found = {
  id: string;
  code: string;
  name: string;
  frequency: Frequency;
  windowStart: string | null;
  windowEnd: string | null;
  result: string | null;
  testedOn: string | null;
  tester: string | null;
};

/** The interval's best standing result: a pass if there is one, else the latest. */
function standingResult(controlId: SQL, start: SQL, end: SQL) {
  return sql`
    SELECT r.result, r.tested_on::text AS "testedOn", u.name AS tester
      FROM control_test_results r JOIN users u ON u.id = r.tester_id
     WHERE r.control_id = ${controlId} AND r.tested_on BETWEEN ${start} AND ${end}
       AND NOT EXISTS (SELECT 1 FROM control_test_results c WHERE c.supersedes_id = r.id)
     ORDER BY (r.result = 'pass') DESC, r.tested_on DESC
     LIMIT 1`;
}

export async function evaluateBiasTestingGate(executor: Executor, now: Date): Promise<BiasGateResult> {
  const today = todayUtc(now);
  // Every production approval runs this: the control, its window over today and the window's
  // result in one round trip. Only when no audit period schedules today does a second
  // query read the result for the frequency's calendar interval.
  const [control] = await executor.execute<Found>(sql`
    SELECT c.id, c.code, c.name, c.frequency, o.window_start::text AS "windowStart", o.window_end::text AS "windowEnd", r.*
      FROM controls c
      LEFT JOIN LATERAL (
        SELECT window_start, window_end FROM control_test_occurrences
         WHERE control_id = c.id AND window_start <= ${today}::date AND window_end >= ${today}::date
         ORDER BY window_start DESC LIMIT 1) o ON true
      LEFT JOIN LATERAL (${standingResult(sql`c.id`, sql`o.window_start`, sql`o.window_end`)}) r ON true
     WHERE c.code = ${BIAS_TESTING_CONTROL_CODE}`);
  if (!control) {
    return {
      passed: false,
      inputs: [{ label: "Control", value: `${BIAS_TESTING_CONTROL_CODE} not in the catalog`, ok: false }],
      detail: `Control ${BIAS_TESTING_CONTROL_CODE} Model Bias Testing is not in the control catalog, so no bias test can be shown.`,
    };
  }
  const scheduled = control.windowStart && control.windowEnd ? { start: control.windowStart, end: control.windowEnd } : null;
  const interval = scheduled ?? intervalContaining(control.frequency, today);
  let latest: Standing | undefined;
  if (!scheduled)
    latest = (
      await executor.execute<Standing>(standingResult(sql`${control.id}::uuid`, sql`${interval.start}::date`, sql`${interval.end}::date`))
    )[0];
  else if (control.result !== null) latest = { result: control.result, testedOn: control.testedOn!, tester: control.tester! };
  const passed = latest?.result === "pass";
  const window = `${interval.start} – ${interval.end}`;
  return {
    passed,
    inputs: [
      { label: "Control", value: `${control.code} ${control.name} (${FREQUENCY_LABELS[control.frequency].toLowerCase()})` },
      { label: "Current interval", value: scheduled ? window : `${window} (no audit period covers today)` },
      {
        label: "Result in the interval",
        value: latest ? `${latest.result} on ${latest.testedOn} by ${latest.tester}` : "none recorded",
        ok: passed,
      },
    ],
    detail: passed
      ? `${control.code} passed on ${latest!.testedOn}, within the current interval ${window}.`
      : latest
        ? `${control.code}'s result in the current interval (${window}) is ${latest.result}, not a pass.`
        : `${control.code} has no recorded result in the current interval (${window}).`,
  };
}
