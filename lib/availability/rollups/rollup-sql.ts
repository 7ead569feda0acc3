import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { HISTOGRAM_SIZE, LATENCY_BUCKETS_MS } from "../vocabulary";

/**
 * The one aggregation behind the hourly and daily rollups. `source` is a query (or a
 * data-modifying `INSERT … RETURNING`) yielding service_id, observed_at, status, latency_ms;
 * the statement adds its counts to both rollup tables and returns how many rows it touched.
 *
 * Counts are additive, so ingestion adds each batch's counts as it is inserted (in any order,
 * from any number of writers: ON CONFLICT takes the row lock) and a rebuild adds a whole day
 * after deleting it. Rows are upserted in key order so that concurrent batches lock rollup
 * rows in the same order and cannot deadlock on them.
 */
const BOUNDS = sql.raw(`'{${LATENCY_BUCKETS_MS.join(",")}}'::integer[]`);
const SLOTS = Array.from({ length: HISTOGRAM_SIZE }, (_, i) => i + 1);

/**
 * Histograms are fixed-length integer arrays, handled slot by slot with built-in aggregates
 * and subscripts: summing 30 slots natively is ~25× faster than a per-row SQL function.
 */
export const histogramSql = {
  /** Within a GROUP BY over (bucket, n) rows: the histogram of the group by 1-based `bucket`. */
  countBuckets: (bucket: string, n: string) =>
    sql.raw(`ARRAY[${SLOTS.map((i) => `coalesce(sum(${n}) FILTER (WHERE ${bucket} = ${i}), 0)`).join(", ")}]::integer[]`),
  /** Within a GROUP BY: the slot-wise sum of a histogram column. */
  sum: (column: string) => sql.raw(`ARRAY[${SLOTS.map((i) => `coalesce(sum(${column}[${i}]), 0)`).join(", ")}]::integer[]`),
  /** The slot-wise sum of two histograms. */
  add: (a: string, b: string) => sql.raw(addHistograms(a, b)),
};

function addHistograms(a: string, b: string): string {
  return `ARRAY[${SLOTS.map((i) => `${a}[${i}] + ${b}[${i}]`).join(", ")}]::integer[]`;
}

/**
 * For the negative control only (ingest.service.test.ts): `staleCounts` makes the upserts
 * add a batch's counts to the row as the statement's snapshot saw it, read before the row
 * lock, instead of to the locked row itself: the read-then-write that loses updates.
 */
export const rollupTestSwitch = { staleCounts: false };

const COUNT_COLUMNS = ["healthy", "degraded", "down", "maintenance", "latency_sum", "latency_count"];

/** `t` is the row being upserted, locked by ON CONFLICT: each count adds to what it holds. */
function addCounts(table: string, bucket: string, stale: boolean): SQL {
  const current = (column: string) =>
    stale
      ? `coalesce((SELECT s.${column} FROM ${table} s WHERE s.service_id = excluded.service_id AND s.${bucket} = excluded.${bucket}), 0)`
      : `t.${column}`;
  const counts = COUNT_COLUMNS.map((c) => `${c} = ${current(c)} + excluded.${c}`);
  return sql.raw([...counts, `latency_hist = ${addHistograms("t.latency_hist", "excluded.latency_hist")}`].join(",\n  "));
}

/** The CTEs from `source` to `hours`: one row of counts per service and UTC hour. */
function hoursCtes(source: SQL): SQL {
  return sql`
    src AS (${source}),
    -- The few windows overlapping this batch (usually none), looked up once.
    windows AS MATERIALIZED (
      SELECT m.service_id, m.starts_at, m.ends_at FROM availability_maintenance m
       WHERE m.ends_at > (SELECT min(observed_at) FROM src) AND m.starts_at <= (SELECT max(observed_at) FROM src)
    ),
    classified AS MATERIALIZED (
      SELECT s.service_id, date_trunc('hour', s.observed_at, 'UTC') AS hour, s.status, s.latency_ms,
             EXISTS (
               SELECT 1 FROM windows m
                WHERE (m.service_id IS NULL OR m.service_id = s.service_id)
                  AND s.observed_at >= m.starts_at AND s.observed_at < m.ends_at
             ) AS in_maintenance
        FROM src s
    ),
    -- Two steps: per latency bucket with a few aggregates, then per hour over those few rows,
    -- which keeps the 30 histogram slots off the per-sample path.
    buckets AS (
      SELECT service_id, hour,
             -- Latency is a figure of answered requests: a down sample's latency is a timeout.
             CASE WHEN NOT in_maintenance AND status <> 'down' AND latency_ms IS NOT NULL THEN width_bucket(latency_ms, ${BOUNDS}) + 1 ELSE 0 END AS bucket,
             count(*) FILTER (WHERE NOT in_maintenance AND status = 'healthy') AS healthy,
             count(*) FILTER (WHERE NOT in_maintenance AND status = 'degraded') AS degraded,
             count(*) FILTER (WHERE NOT in_maintenance AND status = 'down') AS down,
             count(*) FILTER (WHERE in_maintenance) AS maintenance,
             count(*) AS n,
             sum(latency_ms) AS latency_sum
        FROM classified GROUP BY 1, 2, 3
    ),
    hours AS (
      SELECT service_id, hour,
             sum(healthy)::int AS healthy, sum(degraded)::int AS degraded, sum(down)::int AS down, sum(maintenance)::int AS maintenance,
             coalesce(sum(latency_sum) FILTER (WHERE bucket > 0), 0)::bigint AS latency_sum,
             coalesce(sum(n) FILTER (WHERE bucket > 0), 0)::int AS latency_count,
             ${histogramSql.countBuckets("bucket", "n")} AS hist
        FROM buckets GROUP BY service_id, hour
    )`;
}

/** The upserts adding `hours` (a CTE in scope) to both rollups, in key order. */
const upserts = (stale: boolean) => sql`
    hourly AS (
      INSERT INTO availability_hourly AS t (service_id, hour, healthy, degraded, down, maintenance, latency_sum, latency_count, latency_hist)
      SELECT service_id, hour, healthy, degraded, down, maintenance, latency_sum, latency_count, hist
        FROM hours ORDER BY service_id, hour
      ON CONFLICT (service_id, hour) DO UPDATE SET ${addCounts("availability_hourly", "hour", stale)}
      RETURNING 1
    ),
    daily AS (
      INSERT INTO availability_daily AS t (service_id, day, healthy, degraded, down, maintenance, latency_sum, latency_count, latency_hist)
      SELECT service_id, (hour AT TIME ZONE 'UTC')::date, sum(healthy)::int, sum(degraded)::int, sum(down)::int, sum(maintenance)::int,
             sum(latency_sum)::bigint, sum(latency_count)::int, ${histogramSql.sum("hist")}
        FROM hours GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (service_id, day) DO UPDATE SET ${addCounts("availability_daily", "day", stale)}
      RETURNING 1
    )`;
const UPSERTS = upserts(false);
const STALE_UPSERTS = upserts(true);

/**
 * Aggregates `source` and adds it to the rollups in one statement (ingestion, seeding,
 * rebuilds). `alongside`: another data-modifying statement to run in this one, such as the
 * staging of the audit event that records the ingestion.
 */
export function rollupStatement(source: SQL, alongside?: SQL): SQL {
  return sql`
    WITH ${alongside ? sql`alongside AS (${alongside}),` : sql``}
    ${hoursCtes(source)},
    ${rollupTestSwitch.staleCounts ? STALE_UPSERTS : UPSERTS}
    SELECT (SELECT count(*) FROM src)::int AS samples, (SELECT count(*) FROM hourly)::int AS hours, (SELECT count(*) FROM daily)::int AS days`;
}
