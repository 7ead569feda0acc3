import { evaluateBiasTestingGate } from "@/lib/controls/bias-gate";
import type { Gate } from "./types";

/**
 * AI.3 Model Bias Testing has a passing result within its current interval. The controls
 * module owns the rule (lib/controls/bias-gate.ts); this file only plugs it into the list.
 * Without a database executor (pure unit tests) it cannot look, so it fails closed.
 */
export const biasTestingGate: Gate = {
  id: "bias_testing_passed",
  title: "AI.3 Model Bias Testing has a passing result within its current interval",
  appliesTo: (target) => target === "production",
  evaluate: async ({ executor, now }) => {
    if (!executor) throw new Error("no database to read the control's results from");
    return evaluateBiasTestingGate(executor, now);
  },
};
