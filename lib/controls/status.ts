import { daysBetween, type Day } from "./schedule";
import { DUE_SOON_DAYS, type OccurrenceState, type TestResult } from "./vocabulary";

/** Pure rules for what the calendar and the readiness view show. */

/** A recorded result decides; otherwise the due date against today. */
export function occurrenceState(dueOn: Day, result: TestResult | null, today: Day): OccurrenceState {
  if (result === "pass") return "passed";
  if (result === "fail") return "failed";
  if (result === "partial") return "partial";
  if (dueOn < today) return "overdue";
  return daysBetween(today, dueOn) <= DUE_SOON_DAYS ? "due_soon" : "scheduled";
}

export type ReadinessInputs = {
  /** Occurrences due on or before today, and how many of them have a result. */
  due: number;
  performed: number;
  /** Of the performed ones, how many stand as a pass (after corrections). */
  passed: number;
  /** Remediations of standing non-pass results, and how many are closed. */
  remediations: number;
  remediationsClosed: number;
  checklistItems: number;
  checklistDone: number;
  /** Evidence linked to the period's tests whose evidence date lies outside the period. */
  evidenceOutside: number;
};

export type ReadinessPart = { key: string; label: string; weight: number; value: number; detail: string };
export type Readiness = { score: number; parts: ReadinessPart[] };

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/**
 * A score out of 100 that an auditor can recompute: tests performed when due (40), standing
 * as a pass (30), remediation closed (15), checklist done (15). Evidence dated outside the
 * period takes up to 10 points off, one per piece: it will not count for this report.
 */
export function readiness(i: ReadinessInputs): Readiness {
  const parts: ReadinessPart[] = [
    {
      key: "performed",
      label: "Tests performed when due",
      weight: 40,
      value: ratio(i.performed, i.due),
      detail: `${i.performed} of ${i.due} due tests have a result`,
    },
    {
      key: "passing",
      label: "Results standing as a pass",
      weight: 30,
      value: ratio(i.passed, i.performed),
      detail: `${i.passed} of ${i.performed} performed tests passed`,
    },
    {
      key: "remediation",
      label: "Remediation closed",
      weight: 15,
      value: ratio(i.remediationsClosed, i.remediations),
      detail: `${i.remediationsClosed} of ${i.remediations} remediations closed`,
    },
    {
      key: "checklist",
      label: "Audit-preparation checklist done",
      weight: 15,
      value: ratio(i.checklistDone, i.checklistItems),
      detail: `${i.checklistDone} of ${i.checklistItems} items done`,
    },
  ];
  const earned = parts.reduce((sum, p) => sum + p.weight * p.value, 0);
  const penalty = Math.min(10, i.evidenceOutside);
  return { score: Math.max(0, Math.round(earned - penalty)), parts };
}
