import { describe, expect, it } from "vitest";
import { evaluateGates, GATES, type Gate, type GateInput } from "./index";
import { metricThresholdsGate } from "./metric-thresholds";
import { modelCardGate } from "./model-card";

/** The governance module's own two checks; other modules' checks (AI.3 bias testing) are tested with them. */
const OWN = [modelCardGate, metricThresholdsGate];

const input = (
  over: {
    card?: Partial<GateInput["version"]["card"]>;
    metrics?: Record<string, number>;
    thresholds?: GateInput["model"]["thresholds"];
    target?: GateInput["target"];
  } = {},
): GateInput => ({
  target: over.target ?? "production",
  model: { id: "m", key: "fraud", thresholds: over.thresholds ?? [{ metric: "accuracy", op: "gte", value: 0.9 }] },
  version: {
    id: "v",
    version: "2.0.0",
    status: "staging",
    card: {
      intendedUse: "Score card payments",
      limitations: "EU only",
      knownBiases: "Under-scores new customers",
      riskTier: "high",
      ...over.card,
    },
    metrics: over.metrics ?? { accuracy: 0.93 },
    artifactDigest: "sha256:" + "a".repeat(64),
    trainingDataHash: "sha256:" + "b".repeat(64),
  },
  now: new Date("2026-11-01T00:00:00Z"),
});

describe("gates", () => {
  it("pass for a complete card and met thresholds, showing their inputs", async () => {
    const results = await evaluateGates(input(), OWN);
    expect(results.map((g) => [g.id, g.passed])).toEqual([
      ["model_card_complete", true],
      ["metric_thresholds_met", true],
    ]);
    expect(results[1]!.inputs).toEqual([{ label: "accuracy ≥ 0.9", value: "0.93", ok: true }]);
  });

  it("fail for a missing card field or risk tier, naming them", async () => {
    const [card] = await evaluateGates(input({ card: { knownBiases: "  ", riskTier: null } }), OWN);
    expect(card).toMatchObject({ passed: false, detail: "The model card lacks: known biases, risk tier." });
  });

  it("fail for a metric under its threshold or not reported", async () => {
    const thresholds = [
      { metric: "accuracy", op: "gte" as const, value: 0.9 },
      { metric: "latency_ms", op: "lte" as const, value: 100 },
    ];
    const [, low] = await evaluateGates(input({ metrics: { accuracy: 0.89, latency_ms: 80 }, thresholds }), OWN);
    expect(low).toMatchObject({ passed: false, detail: "Not met: accuracy ≥ 0.9 (0.89)." });
    const [, missing] = await evaluateGates(input({ metrics: { accuracy: 0.95 }, thresholds }), OWN);
    expect(missing).toMatchObject({ passed: false, detail: "Not met: latency_ms ≤ 100 (not reported)." });
  });

  it("pass the threshold check when the model sets none, and say so", async () => {
    const [, none] = await evaluateGates(input({ thresholds: [] }), OWN);
    expect(none).toMatchObject({ passed: true, detail: expect.stringMatching(/No thresholds/) });
  });

  it("apply only to production requests", async () => {
    expect(await evaluateGates(input({ target: "staging", card: { intendedUse: "" } }))).toEqual([]);
    expect(GATES.every((g) => g.appliesTo("production") && !g.appliesTo("staging"))).toBe(true);
    expect(GATES.map((g) => g.id)).toEqual(expect.arrayContaining(["model_card_complete", "metric_thresholds_met"]));
  });

  it("count a check that throws as failed (fail closed), which is how a new check plugs in", async () => {
    const broken: Gate = {
      id: "bias_testing",
      title: "Bias testing passed",
      appliesTo: () => true,
      evaluate: async () => {
        throw new Error("control not found");
      },
    };
    const results = await evaluateGates(input(), [...OWN, broken]);
    expect(results.at(-1)).toMatchObject({ id: "bias_testing", passed: false, detail: expect.stringMatching(/control not found/) });
  });
});
