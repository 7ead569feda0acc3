import "server-only";
import { db, type Executor } from "@/db/client";
import {
  bucketsByService,
  countsByService,
  figuresFor,
  listServices,
  openIncidents,
  stripsFrom,
  stripWindow,
  type Figures,
  type IncidentRow,
  type MaintenanceRow,
  type OpenIncidentBrief,
  type ServiceRow,
  type StripDay,
} from "../queries";
import { readServiceDetail } from "./detail-read";
import { bucketEnd, bucketStarts, rollingWindow, startOfUtcHour, type RangeWindow } from "../rollups/ranges";
import {
  budgetBurnDown,
  burnRate,
  compositePercent,
  coverage,
  emptyCounts,
  incidentStats,
  percentileFromHistogram,
  sumCounts,
  uptimePercent,
  type Counts,
  type IncidentStats,
} from "../sla/sla-math";

/**
 * What the overview and a service page show, assembled from the rollup reads in a handful
 * of queries. Both are plain data (dates and numbers) for server and client components.
 */
export type ServiceCard = {
  service: ServiceRow;
  figures: Figures;
  strip: StripDay[];
  openIncident: OpenIncidentBrief | null;
};

export type Overview = {
  window: RangeWindow;
  services: ServiceCard[];
  composite: number | null;
  compositeSeries: { t: Date; composite: number | null }[];
  generatedAt: Date;
};

export async function loadOverview(window: RangeWindow, now: Date = new Date(), executor: Executor = db): Promise<Overview> {
  const strip = stripWindow(90, now);
  // A day-grain window inside the strips' 90 days draws its composite from the strips' rows.
  const fromStrip = window.grain === "day" && window.from >= strip.from;
  const [services, counts, stripBuckets, windowBuckets, open] = await Promise.all([
    listServices(executor),
    countsByService(window, executor),
    bucketsByService(strip, "all", executor, false),
    fromStrip ? Promise.resolve(null) : bucketsByService(window, "all", executor, false),
    openIncidents(executor),
  ]);
  const buckets = windowBuckets ?? stripBuckets;
  const strips = stripsFrom(services, stripBuckets, 90, now);
  const cards = services.map((service) => ({
    service,
    figures: figuresFor(service, counts.get(service.id) ?? emptyCounts(), window.from, window.to, now),
    strip: strips.get(service.id) ?? [],
    openIncident: open.get(service.id) ?? null,
  }));
  const weighted = (pick: (s: ServiceRow) => Counts) =>
    compositePercent(services.filter((s) => s.enabled).map((s) => ({ weight: s.weight, counts: pick(s) }))).percent;
  const byBucket = new Map<string, Map<number, Counts>>();
  for (const [serviceId, list] of buckets) byBucket.set(serviceId, new Map(list.map((b) => [b.start.getTime(), b.counts])));
  return {
    window,
    services: cards,
    composite: weighted((s) => counts.get(s.id) ?? emptyCounts()),
    compositeSeries: bucketStarts(window).map((t) => ({
      t,
      composite: weighted((s) => byBucket.get(s.id)?.get(t.getTime()) ?? emptyCounts()),
    })),
    generatedAt: now,
  };
}

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
          1000 /
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
    sumCounts(recent.filter((b) => b.start.getTime() >= startOfUtcHour(now).getTime() - (hours - 1) * 3_600_000).map((b) => b.counts));
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

export type AvailabilityBrief = { open: number; unacknowledged: number; missing: number; composite: number | null };

/** The home page's card: open incidents and the 30-day SLA picture, in three small reads. */
export async function loadAvailabilityBrief(now: Date = new Date(), executor: Executor = db): Promise<AvailabilityBrief> {
  const window = rollingWindow("30d", now);
  const [services, counts, open] = await Promise.all([listServices(executor), countsByService(window, executor), openIncidents(executor)]);
  const enabled = services.filter((s) => s.enabled);
  const verdicts = enabled.map((s) => figuresFor(s, counts.get(s.id) ?? emptyCounts(), window.from, window.to, now).verdict);
  return {
    open: open.size,
    unacknowledged: [...open.values()].filter((o) => !o.acknowledged).length,
    missing: verdicts.filter((v) => v === "missed").length,
    composite: compositePercent(enabled.map((s) => ({ weight: s.weight, counts: counts.get(s.id) ?? emptyCounts() }))).percent,
  };
}
