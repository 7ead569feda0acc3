import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rollupStatement } from "@/lib/availability/service";

/**
 * Synthetic health samples generated inside PostgreSQL (the demo seed and the benchmark):
 * one sample per service per `intervalSeconds` in [start, end], about 1.5% degraded, latency
 * jittered around each service's base, and down (no latency) inside the given outages. The
 * draw is a hash of service key and instant, so a run is reproducible. Rolled up by the
 * same statement as live ingestion.
 */
export type SyntheticService = { id: string; key: string; base: number };
export type SyntheticOutage = { service: string; from: string; to: string };

export async function generateSamples(
  executor: Executor,
  services: SyntheticService[],
  start: Date,
  end: Date,
  intervalSeconds: number,
  outages: SyntheticOutage[] = [],
): Promise<number> {
  const [rolled] = await executor.execute<{ samples: number }>(
    rollupStatement(sql`
      INSERT INTO availability_samples (service_id, observed_at, status, latency_ms, details, source)
      SELECT s.id, t.at,
             CASE WHEN o.service IS NOT NULL THEN 'down' WHEN r.u < 0.015 THEN 'degraded' ELSE 'healthy' END,
             CASE WHEN o.service IS NOT NULL THEN NULL
                  WHEN r.u < 0.015 THEN (130 + r.u * 10000)::int
                  ELSE (s.base * (0.7 + r.v * 0.6) + CASE WHEN r.v > 0.995 THEN 60 ELSE 0 END)::int END,
             NULL, 'seed'
        FROM jsonb_to_recordset(${JSON.stringify(services)}::jsonb) AS s(id uuid, key text, base integer)
       CROSS JOIN generate_series(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, make_interval(secs => ${intervalSeconds})) AS t(at)
       CROSS JOIN LATERAL (
         SELECT (abs(hashtextextended(s.key || t.at::text, 1)) % 1000000) / 1000000.0 AS u,
                (abs(hashtextextended(s.key || t.at::text, 2)) % 1000000) / 1000000.0 AS v
       ) r
        LEFT JOIN jsonb_to_recordset(${JSON.stringify(outages)}::jsonb) AS o(service uuid, "from" timestamptz, "to" timestamptz)
          ON o.service = s.id AND t.at >= o."from" AND t.at < o."to"
      ON CONFLICT (service_id, observed_at) DO NOTHING
      RETURNING service_id, observed_at, status, latency_ms`),
  );
  return rolled?.samples ?? 0;
}
