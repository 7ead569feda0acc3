import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { availabilityIncidents, availabilityMaintenance, availabilityServices, availabilitySettings, users } from "@/db/schema";
import { bucketEnd, isoDay, startOfUtcDay, type Grain, type RangeWindow } from "./rollups/ranges";
import { histogramSql } from "./rollups/rollup-sql";
import {
  coverage,
  creditPercent,
  emptyCounts,
  errorBudget,
  expectedSamples,
  percentileFromHistogram,
  slaVerdict,
  uptimePercent,
  type Counts,
  type ErrorBudget,
  type SlaVerdict,
} from "./sla/sla-math";
import type { Severity } from "./vocabulary";

/**
 * Reads for the availability pages and the SLA report. Everything here reads the rollups
 * (never raw samples) and derives figures with sla-math.ts.
 */
export type ServiceRow = typeof availabilityServices.$inferSelect;

export type Figures = {
  uptime: number | null;
  credit: number | null;
  verdict: SlaVerdict;
  coverage: ReturnType<typeof coverage>;
  budget: ErrorBudget | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  counts: Counts;
};

export type OpenIncidentBrief = { id: string; title: string; severity: Severity; startedAt: Date; acknowledged: boolean };

export type StripDay = {
  day: string;
  uptime: number | null;
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  unknown: number;
};

/** A service's editable settings: what the registry page edits and an audited change records. */
export function serviceSettings(s: ServiceRow) {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    description: s.description,
    weight: s.weight,
    slaTarget: s.slaTarget,
    healthUrl: s.healthUrl,
    intervalSeconds: s.intervalSeconds,
    timeoutMs: s.timeoutMs,
    degradedLatencyMs: s.degradedLatencyMs,
    failuresToOpen: s.failuresToOpen,
    successesToResolve: s.successesToResolve,
    enabled: s.enabled,
  };
}

export function listServices(executor: Executor = db): Promise<ServiceRow[]> {
  return executor.select().from(availabilityServices).orderBy(desc(availabilityServices.weight), asc(availabilityServices.key));
}

export async function getServiceByKey(key: string, executor: Executor = db): Promise<ServiceRow | null> {
  const [row] = await executor.select().from(availabilityServices).where(eq(availabilityServices.key, key));
  return row ?? null;
}

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

const table = (grain: Grain) => sql.raw(grain === "hour" ? "availability_hourly" : "availability_daily");
const bucketColumn = (grain: Grain) => sql.raw(grain === "hour" ? "hour" : "day");
const bound = (d: Date, grain: Grain) => (grain === "hour" ? sql`${d.toISOString()}::timestamptz` : sql`${isoDay(d)}::date`);

/** Counts per service over a window, summed in PostgreSQL (one row per service). */
export async function countsByService(window: RangeWindow, executor: Executor = db): Promise<Map<string, Counts>> {
  const rows = await executor.execute<CountRow>(sql`
    SELECT service_id, sum(healthy)::int AS healthy, sum(degraded)::int AS degraded, sum(down)::int AS down,
           sum(maintenance)::int AS maintenance, sum(latency_sum)::bigint AS latency_sum, sum(latency_count)::int AS latency_count,
           ${histogramSql.sum("latency_hist")} AS latency_hist
      FROM ${table(window.grain)}
     WHERE ${bucketColumn(window.grain)} >= ${bound(window.from, window.grain)} AND ${bucketColumn(window.grain)} < ${bound(bucketEnd(window.to, window.grain), window.grain)}
     GROUP BY service_id`);
  return new Map(rows.map((r) => [r.service_id, toCounts(r)]));
}

export type Bucket = { start: Date; counts: Counts };

type BucketTuple = [string, number, number, number, number, number, number, number[] | null];
export type BucketRow = { service_id: string; buckets: BucketTuple[] };
export type BucketRead = { window: RangeWindow; serviceIds: string[] | "all"; withHistogram?: boolean };

/**
 * One row per service carrying its buckets as JSON: decoding one JSON text is several times
 * cheaper for the driver than hundreds of rows (the overview reads 900 days). The service
 * page's function, availability_service_page (migration 0020), returns the same shape.
 */
function bucketsSql({ window, serviceIds, withHistogram = true }: BucketRead): SQL {
  const col = bucketColumn(window.grain);
  const services = serviceIds === "all" ? sql`true` : sql`service_id = ANY(${`{${serviceIds.join(",")}}`}::uuid[])`;
  return sql`
    SELECT service_id,
           json_agg(json_build_array(${col}, healthy, degraded, down, maintenance, latency_sum, latency_count, ${withHistogram ? sql`latency_hist` : sql`NULL`}) ORDER BY ${col}) AS buckets
      FROM ${table(window.grain)}
     WHERE ${services} AND ${col} >= ${bound(window.from, window.grain)} AND ${col} < ${bound(bucketEnd(window.to, window.grain), window.grain)}
     GROUP BY service_id`;
}

export function toBuckets(rows: BucketRow[], grain: Grain): Map<string, Bucket[]> {
  const out = new Map<string, Bucket[]>();
  for (const r of rows) {
    out.set(
      r.service_id,
      r.buckets.map(([bucket, healthy, degraded, down, maintenance, latencySum, latencyCount, hist]) => ({
        start: grain === "hour" ? new Date(bucket) : new Date(`${bucket.slice(0, 10)}T00:00:00Z`),
        counts: { healthy, degraded, down, maintenance, latencySum, latencyCount, latencyHist: hist ?? emptyCounts().latencyHist },
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

/** Samples a service should have produced in [from, to), counting from its creation, up to now. */
export function expectedFor(
  service: Pick<ServiceRow, "createdAt" | "intervalSeconds">,
  from: Date,
  to: Date,
  now: Date = new Date(),
): number {
  const start = from > service.createdAt ? from : service.createdAt;
  const end = to < now ? to : now;
  return expectedSamples(start, end, service.intervalSeconds);
}

export function figuresFor(service: ServiceRow, counts: Counts, from: Date, to: Date, now: Date = new Date()): Figures {
  const uptime = uptimePercent(counts);
  return {
    uptime,
    credit: creditPercent(counts),
    verdict: slaVerdict(uptime, service.slaTarget),
    coverage: coverage(counts, expectedFor(service, from, to, now)),
    budget: errorBudget(counts, service.slaTarget, service.intervalSeconds),
    p50: percentileFromHistogram(counts.latencyHist, 0.5),
    p95: percentileFromHistogram(counts.latencyHist, 0.95),
    p99: percentileFromHistogram(counts.latencyHist, 0.99),
    counts,
  };
}

export function stripDay(service: ServiceRow, day: Date, counts: Counts, now: Date = new Date(), name = isoDay(day)): StripDay {
  const cov = coverage(counts, expectedFor(service, day, bucketEnd(day, "day"), now));
  return {
    day: name,
    uptime: uptimePercent(counts),
    healthy: counts.healthy,
    degraded: counts.degraded,
    down: counts.down,
    maintenance: counts.maintenance,
    unknown: cov.unknown,
  };
}

/** The window of the status strips: the last `days` UTC days, today included. */
export function stripWindow(days = 90, now: Date = new Date()): RangeWindow {
  return {
    key: "strip",
    label: `${days} days`,
    from: new Date(startOfUtcDay(now).getTime() - (days - 1) * 86_400_000),
    to: now,
    grain: "day",
  };
}

const NO_SAMPLES = emptyCounts();

/** One strip per service from daily buckets of stripWindow(days). */
export function stripsFrom(
  services: ServiceRow[],
  buckets: Map<string, Bucket[]>,
  days = 90,
  now: Date = new Date(),
): Map<string, StripDay[]> {
  const from = stripWindow(days, now).from.getTime();
  const dayNames = Array.from({ length: days }, (_, i) => isoDay(new Date(from + i * 86_400_000)));
  const out = new Map<string, StripDay[]>();
  for (const service of services) {
    const byDay = new Map((buckets.get(service.id) ?? []).map((b) => [b.start.getTime(), b.counts]));
    out.set(
      service.id,
      dayNames.map((name, i) => {
        const day = new Date(from + i * 86_400_000);
        return stripDay(service, day, byDay.get(day.getTime()) ?? NO_SAMPLES, now, name);
      }),
    );
  }
  return out;
}

export async function openIncidents(executor: Executor = db): Promise<Map<string, OpenIncidentBrief>> {
  const rows = await executor
    .select({
      id: availabilityIncidents.id,
      serviceId: availabilityIncidents.serviceId,
      title: availabilityIncidents.title,
      severity: availabilityIncidents.severity,
      startedAt: availabilityIncidents.startedAt,
      acknowledgedAt: availabilityIncidents.acknowledgedAt,
    })
    .from(availabilityIncidents)
    .where(isNull(availabilityIncidents.resolvedAt));
  return new Map(
    rows.map((r) => [
      r.serviceId,
      { id: r.id, title: r.title, severity: r.severity as Severity, startedAt: r.startedAt, acknowledged: r.acknowledgedAt !== null },
    ]),
  );
}

export type IncidentRow = {
  id: string;
  serviceId: string;
  serviceKey: string;
  serviceName: string;
  title: string;
  severity: Severity;
  source: "auto" | "manual";
  startedAt: Date;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  resolvedAt: Date | null;
  rootCause: string | null;
  postmortemUrl: string | null;
};

const acknowledger = alias(users, "acknowledger");

/** The columns of an IncidentRow (see incidentsQuery for the joins they need). */
export const incidentColumns = {
  id: availabilityIncidents.id,
  serviceId: availabilityIncidents.serviceId,
  serviceKey: availabilityServices.key,
  serviceName: availabilityServices.name,
  title: availabilityIncidents.title,
  severity: availabilityIncidents.severity,
  source: availabilityIncidents.source,
  startedAt: availabilityIncidents.startedAt,
  detectedAt: availabilityIncidents.detectedAt,
  acknowledgedAt: availabilityIncidents.acknowledgedAt,
  acknowledgedByName: acknowledger.name,
  resolvedAt: availabilityIncidents.resolvedAt,
  rootCause: availabilityIncidents.rootCause,
  postmortemUrl: availabilityIncidents.postmortemUrl,
};

type RawIncident = Omit<IncidentRow, "severity" | "source"> & { severity: string; source: string };
export const toIncidentRow = <T extends RawIncident>(r: T) => ({
  ...r,
  severity: r.severity as Severity,
  source: r.source as "auto" | "manual",
});

/** IncidentRow columns: incidents with their service and acknowledger joined. */
export function incidentsQuery(executor: Executor) {
  return executor
    .select(incidentColumns)
    .from(availabilityIncidents)
    .innerJoin(availabilityServices, eq(availabilityServices.id, availabilityIncidents.serviceId))
    .leftJoin(acknowledger, eq(acknowledger.id, availabilityIncidents.acknowledgedBy))
    .$dynamic();
}

/** For reads that add joins of their own to incidentColumns. */
export const incidentAcknowledger = acknowledger;

/** Incidents overlapping [from, to) (open ones overlap every later range), newest first. */
export async function incidentsBetween(
  from: Date,
  to: Date,
  serviceId: string | null = null,
  executor: Executor = db,
  limit = 500,
): Promise<IncidentRow[]> {
  const rows = await incidentsQuery(executor)
    .where(
      and(
        lt(availabilityIncidents.startedAt, to),
        or(isNull(availabilityIncidents.resolvedAt), gte(availabilityIncidents.resolvedAt, from)),
        serviceId ? eq(availabilityIncidents.serviceId, serviceId) : undefined,
      ),
    )
    .orderBy(desc(availabilityIncidents.startedAt))
    .limit(limit);
  return rows.map(toIncidentRow);
}

/** How long raw samples are kept (days); rollups are kept forever. */
export async function getRawRetentionDays(executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ days: availabilitySettings.rawRetentionDays })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.id, 1));
  return row?.days ?? 35;
}

export type MaintenanceRow = {
  id: string;
  serviceId: string | null;
  serviceName: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
};

export async function maintenanceBetween(from: Date, to: Date, executor: Executor = db): Promise<MaintenanceRow[]> {
  return executor
    .select({
      id: availabilityMaintenance.id,
      serviceId: availabilityMaintenance.serviceId,
      serviceName: availabilityServices.name,
      startsAt: availabilityMaintenance.startsAt,
      endsAt: availabilityMaintenance.endsAt,
      reason: availabilityMaintenance.reason,
    })
    .from(availabilityMaintenance)
    .leftJoin(availabilityServices, eq(availabilityServices.id, availabilityMaintenance.serviceId))
    .where(and(lt(availabilityMaintenance.startsAt, to), gte(availabilityMaintenance.endsAt, from)))
    .orderBy(desc(availabilityMaintenance.startsAt));
}
