import { biasTestingGate } from "./bias-testing";
import { metricThresholdsGate } from "./metric-thresholds";
import { modelCardGate } from "./model-card";
import type { EvaluatedGate, Gate, GateInput } from "./types";

export type { EvaluatedGate, Gate, GateInput, GateInputRow, GateResult, ModelCard } from "./types";

/**
 * The checks that must pass before a promotion request can be approved. The extension
 * point: another module adds a check by appending a `Gate` here, e.g. the controls module's
 * "AI.3 Model Bias Testing passed within its window" (`appliesTo: (t) => t === "production"`,
 * `evaluate` reading the control's latest result through `input.executor`). A check is
 * evaluated for every approval (not only the last), its inputs are shown on the request
 * page, and its verdict is recorded in the approval's audit event.
 */
export const GATES: readonly Gate[] = [modelCardGate, metricThresholdsGate, biasTestingGate];

/** Runs the checks that apply to the target. A check that throws fails (fail closed). */
export async function evaluateGates(input: GateInput, gates: readonly Gate[] = GATES): Promise<EvaluatedGate[]> {
  const applicable = gates.filter((gate) => gate.appliesTo(input.target));
  return Promise.all(
    applicable.map(async (gate) => {
      try {
        return { id: gate.id, title: gate.title, ...(await gate.evaluate(input)) };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return {
          id: gate.id,
          title: gate.title,
          passed: false,
          inputs: [],
          detail: `The check could not run (${reason}), so it counts as failed.`,
        };
      }
    }),
  );
}
