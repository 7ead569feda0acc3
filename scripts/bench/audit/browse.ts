import { sqlClient } from "@/db/client";
import { listAuditEvents, type AuditQuery } from "@/lib/audit/queries";
import { percentile, round, SMALL, type Figure } from "../harness";
import { ACTORS, RESOURCES } from "./seed";

type Scenario = { name: string; kind: "single" | "combo" | "deep"; query: (i: number) => Partial<AuditQuery> };

const WEEK = 7 * 24 * 3600 * 1000;
const yearAgo = () => Date.now() - 365 * 24 * 3600 * 1000;
const pick = <T>(xs: readonly T[], i: number) => xs[(i * 7919) % xs.length]!;
const TYPES = ["login", "data_access", "model_inference", "config_change", "security_alert"];

const SCENARIOS: Scenario[] = [
  { name: "type", kind: "single", query: (i) => ({ type: pick(TYPES, i) }) },
  { name: "actor", kind: "single", query: (i) => ({ actor: `user:${pick(ACTORS, i)}` }) },
  { name: "resource", kind: "single", query: (i) => ({ resourceType: "model", resourceId: pick(RESOURCES, i) }) },
  { name: "action", kind: "single", query: (i) => ({ action: `bench.action_${i % 40}` }) },
  { name: "outcome", kind: "single", query: (i) => ({ outcome: i % 2 ? "failure" : "denied" }) },
  {
    name: "time_range",
    kind: "single",
    query: (i) => ({ from: new Date(yearAgo() + (i % 50) * WEEK), to: new Date(yearAgo() + ((i % 50) + 1) * WEEK) }),
  },
  { name: "type+actor", kind: "combo", query: (i) => ({ type: pick(TYPES, i), actor: `user:${pick(ACTORS, i + 1)}` }) },
  { name: "type+outcome", kind: "combo", query: (i) => ({ type: pick(TYPES, i), outcome: "failure" }) },
  {
    name: "actor+time_range",
    kind: "combo",
    query: (i) => ({
      actor: `user:${pick(ACTORS, i)}`,
      from: new Date(yearAgo() + (i % 40) * WEEK),
      to: new Date(yearAgo() + ((i % 40) + 4) * WEEK),
    }),
  },
  { name: "action+outcome", kind: "combo", query: (i) => ({ action: `bench.action_${i % 40}`, outcome: "failure" }) },
  { name: "deep_page", kind: "deep", query: () => ({}) },
  { name: "deep_page+type", kind: "deep", query: (i) => ({ type: pick(TYPES, i) }) },
];

/** p95 of the browse queries (the app's own query code), beside a primary-key lookup. */
export async function benchBrowse(n: number): Promise<Figure[]> {
  const sql = sqlClient();
  const iterations = SMALL ? 30 : 120;
  const baseline: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await sql`SELECT * FROM audit_events WHERE seq = ${1 + ((i * 104_729) % n)}`;
    baseline.push(performance.now() - t);
  }
  const base = percentile(baseline, 95);
  const figures: Figure[] = [];
  for (const s of SCENARIOS) {
    const times: number[] = [];
    for (let i = 0; i < iterations + 5; i++) {
      const q: AuditQuery = { sort: "desc", limit: 50, ...s.query(i) };
      if (s.kind === "deep") {
        // A cursor deep in the log, as after thousands of "next page" clicks.
        const [row] = await sql<
          { t: Date; seq: string }[]
        >`SELECT occurred_at AS t, seq::text FROM audit_events WHERE seq = ${Math.floor(n * (0.1 + (i % 8) / 10))}`;
        q.after = `${new Date(row!.t).toISOString()}_${row!.seq}`;
      }
      const t = performance.now();
      await listAuditEvents(q);
      if (i >= 5) times.push(performance.now() - t); // the first few warm the cache and plans
    }
    const p95 = percentile(times, 95);
    const limit = s.kind === "single" ? 5 : 25;
    figures.push({
      metric: `audit.browse.${s.name}.p95`,
      value: round(p95, 2),
      unit: "ms",
      baseline: round(base, 2),
      ratio: round(p95 / base, 2),
      target: `p95 <= ${limit} ms at ${n} events`,
      met: p95 <= limit,
    });
  }
  return figures;
}
