import type { Executor } from "@/db/client";
import type { ModelStatus, PromotionTarget, RiskTier } from "../lifecycle";
import type { Metrics, Threshold } from "../metric-text";

export type ModelCard = { intendedUse: string; limitations: string; knownBiases: string; riskTier: RiskTier | null };

/** Everything a check may look at. Built once per evaluation by lib/governance/gate-input.ts. */
export type GateInput = {
  target: PromotionTarget;
  model: { id: string; key: string; thresholds: Threshold[] };
  version: {
    id: string;
    version: string;
    status: ModelStatus;
    card: ModelCard;
    metrics: Metrics;
    artifactDigest: string;
    trainingDataHash: string;
  };
  now: Date;
  /**
   * For checks that need other modules' records (a control's latest test result). The two
   * built-in checks are pure and ignore it; unit tests leave it out.
   */
  executor?: Executor;
};

/** One row of what a check looked at, shown beside its verdict. */
export type GateInputRow = { label: string; value: string; ok?: boolean };

export type GateResult = { passed: boolean; inputs: GateInputRow[]; detail: string };

export type Gate = {
  /** Stable: recorded in audit events and shown in the UI. */
  id: string;
  title: string;
  appliesTo: (target: PromotionTarget) => boolean;
  evaluate: (input: GateInput) => GateResult | Promise<GateResult>;
};

export type EvaluatedGate = GateResult & { id: string; title: string };
