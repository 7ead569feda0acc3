/**
 * Sets up a model for a browser journey, with a past it could not get through the UI in
 * seconds: 1.0.0 in production for a month, 1.1.0 in staging, 1.2.0 in testing. Written
 * by the demo seed's history builder (same rules, same audit events), under a fresh key so
 * journeys can run again against one database. Run by e2e/support/models.ts:
 *   node --import tsx --conditions=react-server e2e/support/governance-fixture.ts <key>
 */
import { closeDb } from "@/db/client";
import { buildModelHistory } from "@/db/seed/governance-history";

const key = process.argv[2];
if (!key) throw new Error("usage: governance-fixture.ts <model key>");
const card = {
  intendedUse: "Rank support tickets by urgency.",
  limitations: "English tickets only.",
  knownBiases: "Under-ranks terse tickets.",
  riskTier: "medium" as const,
};

await buildModelHistory({
  key,
  name: `Ticket triage ${key.slice(-6)}`,
  owner: "Support tooling",
  description: "Created by a browser test.",
  thresholds: [{ metric: "accuracy", op: "gte", value: 0.9 }],
  versions: [
    {
      version: "1.0.0",
      registeredDaysAgo: 60,
      metrics: { accuracy: 0.91 },
      card,
      steps: [
        { to: "testing", daysAgo: 55 },
        { to: "staging", daysAgo: 45 },
        { to: "production", daysAgo: 30 },
      ],
    },
    {
      version: "1.1.0",
      registeredDaysAgo: 10,
      metrics: { accuracy: 0.94 },
      card,
      steps: [
        { to: "testing", daysAgo: 6 },
        { to: "staging", daysAgo: 2 },
      ],
    },
    { version: "1.2.0", registeredDaysAgo: 3, metrics: { accuracy: 0.95 }, card, steps: [{ to: "testing", daysAgo: 1 }] },
  ],
});
await closeDb();
console.log(JSON.stringify({ key }));
