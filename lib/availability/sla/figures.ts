import type { availabilityServices } from "@/db/schema";
import { addDays, isoDay, startOfUtcDay } from "@/lib/time";
import { bucketEnd, type RangeWindow } from "../rollups/ranges";
import type { Bucket } from "../rollups/rollup-reads";
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
} from "./sla-math";
import type { SlaVerdict } from "../vocabulary";

/**
 * The figures every page and the report show for a service over a range, derived from its
 * rollup counts with sla-math.ts: pure, so the overview, a service page and the SLA report
 * derive them one way.
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

export type StripDay = {
  day: string;
  uptime: number | null;
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  unknown: number;
};

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
  return { key: "strip", label: `${days} days`, from: addDays(startOfUtcDay(now), -(days - 1)), to: now, grain: "day" };
}

const NO_SAMPLES = emptyCounts();

/** One strip per service from daily buckets of stripWindow(days). */
export function stripsFrom(
  services: ServiceRow[],
  buckets: Map<string, Bucket[]>,
  days = 90,
  now: Date = new Date(),
): Map<string, StripDay[]> {
  const from = stripWindow(days, now).from;
  const dayList = Array.from({ length: days }, (_, i) => addDays(from, i));
  const dayNames = dayList.map((d) => isoDay(d));
  const out = new Map<string, StripDay[]>();
  for (const service of services) {
    const byDay = new Map((buckets.get(service.id) ?? []).map((b) => [b.start.getTime(), b.counts]));
    out.set(
      service.id,
      dayNames.map((name, i) => {
        const day = dayList[i]!;
        return stripDay(service, day, byDay.get(day.getTime()) ?? NO_SAMPLES, now, name);
      }),
    );
  }
  return out;
}
