import type { ModelCard } from "@/lib/governance/gates";
import { buildModelHistory, demoEmail, type ModelPlan } from "./governance-history";

/**
 * Demo model governance: five models with versions in every status, a year of past
 * promotions (each new production version superseding the last; one request rejected), and open requests waiting for every approver role, including
 * one blocked by failing checks. Deterministic in shape, dated relative to the day it runs;
 * idempotent per model key.
 */
const card = (intendedUse: string, limitations: string, knownBiases: string, riskTier: ModelCard["riskTier"]): ModelCard => ({
  intendedUse,
  limitations,
  knownBiases,
  riskTier,
});
const fraudCard = card(
  "Score card-not-present payments for fraud risk before authorization.",
  "Trained on EU and UK transactions only; not validated for B2B payments.",
  "Over-flags first-time customers and prepaid cards.",
  "high",
);
const docCard = card("Route uploaded documents to the right queue.", "PDF, PNG and TIFF only.", "Weaker on handwritten forms.", "low");
const assistantCard = card(
  "Answer customer support questions from the help centre.",
  "English only; no account actions; hands off to a person on low confidence.",
  "Answers are shorter for non-native phrasing.",
  "medium",
);

export const DEMO_MODELS: ModelPlan[] = [
  {
    key: "fraud-scorer",
    name: "Fraud scorer",
    owner: "Payments risk team",
    description: "Gradient-boosted model that scores payment risk in real time.",
    thresholds: [
      { metric: "auc", op: "gte", value: 0.9 },
      { metric: "precision", op: "gte", value: 0.8 },
      { metric: "latency_p95_ms", op: "lte", value: 40 },
    ],
    versions: [
      {
        version: "1.0.0",
        registeredDaysAgo: 360,
        metrics: { auc: 0.91, precision: 0.81, latency_p95_ms: 35 },
        card: fraudCard,
        steps: [
          { to: "testing", daysAgo: 352 },
          { to: "staging", daysAgo: 344 },
          { to: "production", daysAgo: 335 },
          { to: "retired", daysAgo: 120, comment: "Artifacts archived for seven years." },
        ],
      },
      {
        version: "1.1.0",
        registeredDaysAgo: 230,
        metrics: { auc: 0.925, precision: 0.83, latency_p95_ms: 33 },
        card: fraudCard,
        steps: [
          { to: "testing", daysAgo: 224 },
          { to: "staging", daysAgo: 214, approvers: [demoEmail("qa_lead"), "lead-and-qa@assay.local"] },
          { to: "production", daysAgo: 205 },
        ],
      },
      {
        version: "2.0.0",
        registeredDaysAgo: 60,
        metrics: { auc: 0.941, precision: 0.86, latency_p95_ms: 31 },
        card: fraudCard,
        steps: [
          { to: "testing", daysAgo: 55 },
          { to: "staging", daysAgo: 45 },
          {
            to: "production",
            daysAgo: 30,
            justification: "AUC +0.016 over 1.1.0 on the Q3 holdout; shadow traffic for two weeks without incidents.",
          },
        ],
      },
      {
        version: "2.1.0",
        registeredDaysAgo: 14,
        metrics: { auc: 0.948, precision: 0.87, latency_p95_ms: 32 },
        card: fraudCard,
        steps: [
          { to: "testing", daysAgo: 11 },
          { to: "staging", daysAgo: 6 },
        ],
        open: {
          to: "production",
          daysAgo: 2,
          approvedBy: [demoEmail("ml_lead")],
          justification: "Retrained on October data: AUC 0.948 (+0.007), precision 0.87; shadow traffic clean for five days.",
        },
      },
      {
        version: "2.2.0",
        registeredDaysAgo: 5,
        metrics: { auc: 0.95, precision: 0.85, latency_p95_ms: 38 },
        card: fraudCard,
        steps: [{ to: "testing", daysAgo: 3 }],
      },
      {
        version: "3.0.0-rc1",
        registeredDaysAgo: 1,
        metrics: { auc: 0.955, precision: 0.84, latency_p95_ms: 52 },
        card: card("", "", "", null),
        steps: [],
      },
    ],
  },
  {
    key: "support-assistant",
    name: "Support assistant",
    owner: "Customer experience ML",
    description: "Fine-tuned LLM that drafts answers for the support team.",
    thresholds: [
      { metric: "helpfulness", op: "gte", value: 0.85 },
      { metric: "hallucination_rate", op: "lte", value: 0.02 },
    ],
    versions: [
      {
        version: "1.0",
        registeredDaysAgo: 300,
        metrics: { helpfulness: 0.86, hallucination_rate: 0.018 },
        card: assistantCard,
        steps: [
          { to: "testing", daysAgo: 290 },
          { to: "staging", daysAgo: 280 },
          { to: "production", daysAgo: 270 },
        ],
      },
      {
        version: "2.0",
        registeredDaysAgo: 170,
        metrics: { helpfulness: 0.88, hallucination_rate: 0.031 },
        card: assistantCard,
        steps: [
          { to: "testing", daysAgo: 165 },
          { to: "staging", daysAgo: 158 },
          {
            to: "production",
            daysAgo: 150,
            rejectedBy: demoEmail("security_lead"),
            comment: "Red team found three prompt-injection paths to internal notes; hallucination rate above the 2% bar.",
          },
        ],
      },
      {
        version: "2.1",
        registeredDaysAgo: 120,
        metrics: { helpfulness: 0.9, hallucination_rate: 0.012 },
        card: assistantCard,
        steps: [
          { to: "testing", daysAgo: 115 },
          { to: "staging", daysAgo: 105 },
          { to: "production", daysAgo: 92, justification: "Fixes the injection paths found in 2.0; hallucination 1.2%." },
        ],
      },
      {
        version: "3.0",
        registeredDaysAgo: 9,
        metrics: { helpfulness: 0.92, hallucination_rate: 0.009 },
        card: assistantCard,
        steps: [{ to: "testing", daysAgo: 6 }],
        open: {
          to: "staging",
          daysAgo: 1,
          justification: "Larger base model; offline eval beats 2.1 on every suite. Ready for the staging soak.",
        },
      },
    ],
  },
  {
    key: "churn-predictor",
    name: "Churn predictor",
    owner: "Growth analytics",
    description: "Weekly batch model that flags accounts likely to cancel.",
    thresholds: [{ metric: "recall", op: "gte", value: 0.7 }],
    versions: [
      {
        version: "1.2.0",
        registeredDaysAgo: 200,
        metrics: { recall: 0.74, precision: 0.61 },
        card: card("Prioritise retention outreach.", "Monthly plans only.", "Under-represents accounts younger than 60 days.", "low"),
        steps: [
          { to: "testing", daysAgo: 195 },
          { to: "staging", daysAgo: 188 },
          { to: "production", daysAgo: 180 },
        ],
      },
      {
        version: "1.3.0",
        registeredDaysAgo: 3,
        metrics: { recall: 0.77, precision: 0.6 },
        card: card("Prioritise retention outreach.", "Monthly plans only.", "Under-represents accounts younger than 60 days.", "low"),
        steps: [],
        open: { to: "testing", daysAgo: 1, justification: "Adds usage-trend features; unit and data-contract tests pass locally." },
      },
    ],
  },
  {
    key: "doc-classifier",
    name: "Document classifier",
    owner: "Back-office automation",
    description: "Routes uploaded documents to the right queue.",
    thresholds: [{ metric: "accuracy", op: "gte", value: 0.9 }],
    versions: [
      {
        version: "0.9.0",
        registeredDaysAgo: 340,
        metrics: { accuracy: 0.9 },
        card: docCard,
        steps: [
          { to: "testing", daysAgo: 333 },
          { to: "staging", daysAgo: 326 },
          { to: "production", daysAgo: 320 },
        ],
        open: {
          to: "retired",
          daysAgo: 4,
          approvedBy: ["lead-and-qa@assay.local"],
          justification: "Superseded for 80 days with no rollback; archive it.",
        },
      },
      {
        version: "1.0.0",
        registeredDaysAgo: 100,
        metrics: { accuracy: 0.94 },
        card: docCard,
        steps: [
          { to: "testing", daysAgo: 96 },
          { to: "staging", daysAgo: 90 },
          { to: "production", daysAgo: 80 },
        ],
      },
    ],
  },
  {
    key: "resume-screener",
    name: "Résumé screener",
    owner: "People analytics",
    description: "Ranks applications for recruiter review. High risk under the EU AI Act.",
    thresholds: [
      { metric: "accuracy", op: "gte", value: 0.9 },
      { metric: "demographic_parity_gap", op: "lte", value: 0.05 },
    ],
    versions: [
      {
        version: "1.0.0",
        registeredDaysAgo: 40,
        metrics: { accuracy: 0.88, demographic_parity_gap: 0.07 },
        card: card("Rank applications for human review; never rejects on its own.", "Engineering roles only.", "", "high"),
        steps: [
          { to: "testing", daysAgo: 35 },
          { to: "staging", daysAgo: 20 },
        ],
        open: {
          to: "production",
          daysAgo: 3,
          requester: demoEmail("ml_lead"),
          justification: "Recruiters asked for it before the hiring season.",
        },
      },
    ],
  },
];

export async function seedGovernance(now = new Date()): Promise<{ created: number }> {
  let created = 0;
  for (const plan of DEMO_MODELS) if (await buildModelHistory(plan, now)) created += 1;
  return { created };
}
