import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { dayStart, isoDay } from "@/lib/time";
import { emptyCounts, type Counts } from "../sla/sla-math";
import { bucketEnd, type Grain, type RangeWindow } from "./ranges";
import { histogramSql } from "./rollup-sql";

/** Reads of the hourly and daily rollups (never of raw samples): counts per service, and buckets per service. */
type CountRow = {
  service_id: string;
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  latency_sum: string | number;
  latency_count: number;
  latency_hist: number[] | null;
};

function toCounts(r: CountRow | undefined): Counts {
  if (!r) return emptyCounts();
  return {
    healthy: Number(r.healthy),
    degraded: Number(r.degraded),
    down: Number(r.down),
    maintenance: Number(r.maintenance),
    latencySum: Number(r.latency_sum),
    latencyCount: Number(r.latency_count),
    latencyHist: r.latency_hist ?? emptyCounts().latencyHist,
  };
}

export const rollupTable = (grain: Grain) => sql.raw(grain === "hour" ? "availability_hourly" : "availability_daily");
export const bucketColumn = (grain: Grain) => sql.raw(grain === "hour" ? "hour" : "day");
const bound = (d: Date, grain: Grain) => (grain === "hour" ? sql`${d.toISOString()}::timestamptz` : sql`${isoDay(d)}::date`);

/** Counts per service over a window, summed in PostgreSQL (one row per service). */
export async function countsByService(window: RangeWindow, executor: Executor = db): Promise<Map<string, Counts>> {
  const rows = await executor.execute<CountRow>(sql`
    SELECT service_id, sum(healthy)::int AS healthy, sum(degraded)::int AS degraded, sum(down)::int AS down,
           sum(maintenance)::int AS maintenance, sum(latency_sum)::bigint AS latency_sum, sum(latency_count)::int AS latency_count,
           ${histogramSql.sum("latency_hist")} AS latency_hist
      FROM ${rollupTable(window.grain)}
     WHERE ${bucketColumn(window.grain)} >= ${bound(window.from, window.grain)} AND ${bucketColumn(window.grain)} < ${bound(bucketEnd(window.to, window.grain), window.grain)}
     GROUP BY service_id`);
  return new Map(rows.map((r) => [r.service_id, toCounts(r)]));
}

export type Bucket = { start: Date; counts: Counts };

/**
 * One bucket as the JSON of bucketsSql() and of availability_service_page (migration 0023):
 * named members, so the SQL and this type cannot drift apart by position. `start` is the
 * hour (timestamptz) or the day (date) the bucket begins; `latencyHist` is null when the
 * read asked for no histograms.
 */
export type BucketJson = Omit<Counts, "latencyHist"> & { start: string; latencyHist: number[] | null };
export type BucketRow = { service_id: string; buckets: BucketJson[] };
export type BucketRead = { window: RangeWindow; serviceIds: string[] | "all"; withHistogram?: boolean };

/** The JSON object of one rollup row, `hist` being the histogram expression (or NULL). */
export function bucketJsonSql(alias: string, bucket: string, hist: SQL): SQL {
  const c = (column: string) => sql.raw(`${alias}.${column}`);
  return sql`json_build_object('start', ${c(bucket)}, 'healthy', ${c("healthy")}, 'degraded', ${c("degraded")}, 'down', ${c("down")},
    'maintenance', ${c("maintenance")}, 'latencySum', ${c("latency_sum")}, 'latencyCount', ${c("latency_count")}, 'latencyHist', ${hist})`;
}

/**
 * One row per service carrying its buckets as JSON: decoding one JSON text is several times
 * cheaper for the driver than hundreds of rows (the overview reads 900 days). The service
 * page's function, availability_service_page, returns the same shape.
 */
function bucketsSql({ window, serviceIds, withHistogram = true }: BucketRead): SQL {
  const col = bucketColumn(window.grain);
  const services = serviceIds === "all" ? sql`true` : sql`service_id = ANY(${`{${serviceIds.join(",")}}`}::uuid[])`;
  const bucket = window.grain === "hour" ? "hour" : "day";
  return sql`
    SELECT service_id,
           json_agg(${bucketJsonSql("r", bucket, withHistogram ? sql`r.latency_hist` : sql`NULL`)} ORDER BY ${col}) AS buckets
      FROM ${rollupTable(window.grain)} r
     WHERE ${services} AND ${col} >= ${bound(window.from, window.grain)} AND ${col} < ${bound(bucketEnd(window.to, window.grain), window.grain)}
     GROUP BY service_id`;
}

export function toBuckets(rows: BucketRow[], grain: Grain): Map<string, Bucket[]> {
  const out = new Map<string, Bucket[]>();
  for (const r of rows) {
    out.set(
      r.service_id,
      r.buckets.map(({ start, latencyHist, ...counts }) => ({
        start: grain === "hour" ? new Date(start) : dayStart(start.slice(0, 10)),
        counts: { ...counts, latencyHist: latencyHist ?? emptyCounts().latencyHist },
      })),
    );
  }
  return out;
}

/** One row per bucket of the window for the given services (missing buckets are absent). */
export async function bucketsByService(
  window: RangeWindow,
  serviceIds: string[] | "all",
  executor: Executor = db,
  withHistogram = true,
): Promise<Map<string, Bucket[]>> {
  return toBuckets(await executor.execute<BucketRow>(bucketsSql({ window, serviceIds, withHistogram })), window.grain);
}
