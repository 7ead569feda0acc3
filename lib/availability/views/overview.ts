import "server-only";
import { db, type Executor } from "@/db/client";
import { openIncidents, type OpenIncidentBrief } from "../incidents/incident-rows";
import { listServices } from "../registry/registry-queries";
import { bucketStarts, rollingWindow, type RangeWindow } from "../rollups/ranges";
import { bucketsByService, countsByService } from "../rollups/rollup-reads";
import { figuresFor, stripsFrom, stripWindow, type Figures, type ServiceRow, type StripDay } from "../sla/figures";
import { compositePercent, emptyCounts, type Counts } from "../sla/sla-math";

/**
 * What the overview and the home page's card show, assembled from the rollup reads in a
 * handful of queries. Plain data (dates and numbers) for server and client components.
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
