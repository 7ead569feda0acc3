import { meets, OP_SYMBOL } from "../metric-text";
import type { Gate, GateInputRow } from "./types";

/** The version's metrics meet every threshold set for its model (a missing metric fails). */
export const metricThresholdsGate: Gate = {
  id: "metric_thresholds_met",
  title: "Metrics meet the model's thresholds",
  appliesTo: (target) => target === "production",
  evaluate: ({ model, version }) => {
    if (model.thresholds.length === 0) {
      return { passed: true, inputs: [], detail: "No thresholds are set for this model, so there is nothing to meet." };
    }
    const inputs: GateInputRow[] = model.thresholds.map((t) => {
      const value = version.metrics[t.metric];
      const ok = value !== undefined && meets(value, t);
      return { label: `${t.metric} ${OP_SYMBOL[t.op]} ${t.value}`, value: value === undefined ? "not reported" : String(value), ok };
    });
    const failing = inputs.filter((row) => !row.ok);
    return {
      passed: failing.length === 0,
      inputs,
      detail:
        failing.length === 0
          ? `All ${inputs.length} threshold${inputs.length === 1 ? "" : "s"} met.`
          : `Not met: ${failing.map((row) => `${row.label} (${row.value})`).join("; ")}.`,
    };
  },
};
