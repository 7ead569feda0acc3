import type { Gate, GateInputRow } from "./types";

const FIELDS = [
  ["intendedUse", "Intended use"],
  ["limitations", "Limitations"],
  ["knownBiases", "Known biases"],
] as const;

/** Every field of the model card is filled in, and a risk tier is chosen. */
export const modelCardGate: Gate = {
  id: "model_card_complete",
  title: "Model card is complete",
  appliesTo: (target) => target === "production",
  evaluate: ({ version }) => {
    const inputs: GateInputRow[] = FIELDS.map(([key, label]) => {
      const text = version.card[key].trim();
      return { label, value: text ? `${text.length} characters` : "missing", ok: text.length > 0 };
    });
    inputs.push({ label: "Risk tier", value: version.card.riskTier ?? "missing", ok: version.card.riskTier !== null });
    const missing = inputs.filter((row) => !row.ok).map((row) => row.label.toLowerCase());
    return {
      passed: missing.length === 0,
      inputs,
      detail: missing.length === 0 ? "Every field of the model card is filled in." : `The model card lacks: ${missing.join(", ")}.`,
    };
  },
};
