import "server-only";
import { db, type Executor } from "@/db/client";
import { HOUR_MS, SECOND_MS, startOfUtcHour } from "@/lib/time";
import type { IncidentRow, OpenIncidentBrief } from "../incidents/incident-rows";
import type { MaintenanceRow } from "../registry/registry-queries";
import { bucketEnd, bucketStarts, rollingWindow, type RangeWindow } from "../rollups/ranges";
import { bucketsByService } from "../rollups/rollup-reads";
import { figuresFor, stripsFrom, stripWindow, type ServiceRow } from "../sla/figures";
import {
  budgetBurnDown,
  burnRate,
  coverage,
  emptyCounts,
  incidentStats,
  percentileFromHistogram,
  sumCounts,
  uptimePercent,
  type IncidentStats,
} from "../sla/sla-math";
import { readServiceDetail } from "./detail-read";
import type { ServiceCard } from "./overview";

/** What a service page shows: its card, one point per bucket of the range, burn rates, incidents and maintenance. */
export type SeriesPoint = {
  t: Date;
  uptime: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  unknown: number;
  budgetRemaining: number | null;
};

export type ServiceDetail = {
  card: ServiceCard;
  window: RangeWindow;
  series: SeriesPoint[];
  /** Burn rate over the last hour, 6 hours and 24 hours (1 = spending the budget exactly on time). */
  burnRates: { oneHour: number | null; sixHours: number | null; oneDay: number | null };
  incidents: IncidentRow[];
  incidentStats: IncidentStats;
  maintenance: MaintenanceRow[];
  generatedAt: Date;
};

export async function loadServiceDetail(
  service: ServiceRow,
  window: RangeWindow,
  now: Date = new Date(),
  executor: Executor = db,
): Promise<ServiceDetail> {
  // One round trip: the strip's 90 days (with histograms for the days of a day-grain window
  // inside them, which then needs no read of its own), the window's hours or the last 24
  // hours (burn rates), the incidents and the maintenance windows.
  const strip = stripWindow(90, now);
  const dayWindowInStrip = window.grain === "day" && window.from >= strip.from;
  const hourly = window.grain === "hour" ? window : rollingWindow("24h", now);
  const {
    strip: stripBuckets,
    hours: hourBuckets,
    incidents,
    maintenance,
  } = await readServiceDetail(
    service.id,
    {
      strip,
      histogramsFrom: dayWindowInStrip ? window.from : null,
      hours: hourly,
      hourHistograms: window.grain === "hour",
      from: window.from,
      to: window.to,
    },
    executor,
  );
  const buckets =
    window.grain === "hour" ? hourBuckets : dayWindowInStrip ? stripBuckets : await bucketsByService(window, [service.id], executor);
  const list = buckets.get(service.id) ?? [];
  // Buckets outside the window (the strip's other days) are not looked up.
  const byStart = new Map(list.map((b) => [b.start.getTime(), b.counts]));
  const starts = bucketStarts(window);
  const perBucket = starts.map((t) => byStart.get(t.getTime()) ?? emptyCounts());
  const burnDown = budgetBurnDown(perBucket, service.slaTarget);
  const series = starts.map((t, i) => {
    const c = perBucket[i]!;
    const expected = Math.max(
      0,
      Math.floor(
        (Math.min(bucketEnd(t, window.grain).getTime(), now.getTime()) - Math.max(t.getTime(), service.createdAt.getTime())) /
          SECOND_MS /
          service.intervalSeconds,
      ),
    );
    return {
      t,
      uptime: uptimePercent(c),
      p50: percentileFromHistogram(c.latencyHist, 0.5),
      p95: percentileFromHistogram(c.latencyHist, 0.95),
      p99: percentileFromHistogram(c.latencyHist, 0.99),
      healthy: c.healthy,
      degraded: c.degraded,
      down: c.down,
      maintenance: c.maintenance,
      unknown: coverage(c, expected).unknown,
      budgetRemaining: burnDown[i] ?? null,
    };
  });
  const recent = hourBuckets.get(service.id) ?? [];
  const since = (hours: number) =>
    sumCounts(recent.filter((b) => b.start.getTime() >= startOfUtcHour(now).getTime() - (hours - 1) * HOUR_MS).map((b) => b.counts));
  return {
    card: {
      service,
      figures: figuresFor(service, sumCounts(perBucket), window.from, window.to, now),
      strip: stripsFrom([service], stripBuckets, 90, now).get(service.id) ?? [],
      openIncident: openOf(incidents),
    },
    window,
    series,
    burnRates: {
      oneHour: burnRate(since(1), service.slaTarget),
      sixHours: burnRate(since(6), service.slaTarget),
      oneDay: burnRate(since(24), service.slaTarget),
    },
    incidents,
    incidentStats: incidentStats(incidents, window.from, window.to, now),
    maintenance,
    generatedAt: now,
  };
}

/** Open incidents overlap every range that ends now: the service's one open incident, if any. */
function openOf(incidents: IncidentRow[]): OpenIncidentBrief | null {
  const open = incidents.find((i) => i.resolvedAt === null);
  return open
    ? { id: open.id, title: open.title, severity: open.severity, startedAt: open.startedAt, acknowledged: open.acknowledgedAt !== null }
    : null;
}
