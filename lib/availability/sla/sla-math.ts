import { MINUTE_MS, SECOND_MS } from "@/lib/time";
import { COMPOSITE_CREDIT, HISTOGRAM_SIZE, LATENCY_BUCKETS_MS, type SlaVerdict } from "../vocabulary";

export type { SlaVerdict };

/**
 * The availability figures, as pure functions of rollup counts and incidents, so that every
 * page, the SLA report and the tests compute them one way. Definitions (docs/availability.md):
 *
 * - A sample is *known* when it was recorded outside maintenance. Maintenance samples and
 *   time without samples ("unknown") are excluded from every ratio, never counted as up.
 * - Uptime = (healthy + degraded) / known: a degraded service still answers.
 * - Composite = Σ wᵢ·creditᵢ / Σ wᵢ over services with known samples, where credit counts
 *   healthy fully and degraded half (COMPOSITE_CREDIT).
 * - Error budget = (1 − target) × known samples; each down sample spends one.
 */
export type Counts = {
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  latencySum: number;
  latencyCount: number;
  latencyHist: number[];
};

export function emptyCounts(): Counts {
  return {
    healthy: 0,
    degraded: 0,
    down: 0,
    maintenance: 0,
    latencySum: 0,
    latencyCount: 0,
    latencyHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return sumCounts([a, b]);
}

/** One pass, one histogram array: pages sum hundreds of buckets on every load. */
export function sumCounts(list: readonly Counts[]): Counts {
  const total = emptyCounts();
  const hist = total.latencyHist;
  for (const c of list) {
    total.healthy += c.healthy;
    total.degraded += c.degraded;
    total.down += c.down;
    total.maintenance += c.maintenance;
    total.latencySum += c.latencySum;
    total.latencyCount += c.latencyCount;
    for (let i = 0; i < HISTOGRAM_SIZE; i++) hist[i] = hist[i]! + (c.latencyHist[i] ?? 0);
  }
  return total;
}

export function knownSamples(c: Counts): number {
  return c.healthy + c.degraded + c.down;
}

/** Percent of known samples that answered; null when nothing is known. */
export function uptimePercent(c: Counts): number | null {
  const known = knownSamples(c);
  return known === 0 ? null : (100 * (c.healthy + c.degraded)) / known;
}

/** Percent credit with degraded counted half; null when nothing is known. */
export function creditPercent(c: Counts): number | null {
  const known = knownSamples(c);
  if (known === 0) return null;
  return (100 * (c.healthy * COMPOSITE_CREDIT.healthy + c.degraded * COMPOSITE_CREDIT.degraded + c.down * COMPOSITE_CREDIT.down)) / known;
}

/**
 * How the expected samples of a range split: recorded (known), in maintenance, and unknown
 * (expected but never recorded). Extra samples (pushes between probes) never make unknown
 * negative.
 */
export function coverage(c: Counts, expectedSamples: number) {
  const recorded = knownSamples(c) + c.maintenance;
  const expected = Math.max(expectedSamples, recorded);
  return {
    expected,
    known: knownSamples(c),
    maintenance: c.maintenance,
    unknown: expected - recorded,
    knownFraction: expected === 0 ? 0 : knownSamples(c) / expected,
  };
}

/** Samples a service at `intervalSeconds` should have produced between two instants. */
export function expectedSamples(from: Date, to: Date, intervalSeconds: number): number {
  const seconds = Math.max(0, (to.getTime() - from.getTime()) / SECOND_MS);
  return Math.floor(seconds / intervalSeconds);
}

export type WeightedService = { weight: number; counts: Counts };

/** The weighted composite (credit) over services with data; null when none has any. */
export function compositePercent(services: readonly WeightedService[]): { percent: number | null; weightWithData: number } {
  let weighted = 0;
  let weights = 0;
  for (const s of services) {
    const credit = creditPercent(s.counts);
    if (credit === null || s.weight <= 0) continue;
    weighted += s.weight * credit;
    weights += s.weight;
  }
  return { percent: weights === 0 ? null : weighted / weights, weightWithData: weights };
}

/**
 * A latency percentile (q in (0, 1]) from a histogram, interpolating linearly inside the
 * bucket that holds it. The open last bucket answers its lower bound.
 */
export function percentileFromHistogram(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((n, v) => n + v, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < hist.length; i++) {
    const n = hist[i] ?? 0;
    if (n > 0 && below + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
      const upper = LATENCY_BUCKETS_MS[i];
      if (upper === undefined) return lower;
      return lower + ((upper - lower) * Math.max(0, rank - below)) / n;
    }
    below += n;
  }
  return LATENCY_BUCKETS_MS.at(-1)!;
}

/** The histogram bucket (0-based) a latency falls in; the SQL side uses width_bucket + 1. */
export function latencyBucket(ms: number): number {
  let i = 0;
  while (i < LATENCY_BUCKETS_MS.length && ms >= LATENCY_BUCKETS_MS[i]!) i++;
  return i;
}

export type ErrorBudget = {
  /** Down samples the target allows over the known samples. */
  allowed: number;
  spent: number;
  /** 1 − spent/allowed: 1 untouched, 0 exhausted, negative overspent. */
  remainingFraction: number;
  allowedMinutes: number;
  spentMinutes: number;
};

export function errorBudget(c: Counts, targetPercent: number, intervalSeconds: number): ErrorBudget | null {
  const known = knownSamples(c);
  if (known === 0) return null;
  const allowed = (1 - targetPercent / 100) * known;
  const spent = c.down;
  const remainingFraction = allowed === 0 ? (spent === 0 ? 1 : -Infinity) : 1 - spent / allowed;
  return {
    allowed,
    spent,
    remainingFraction,
    allowedMinutes: (allowed * intervalSeconds) / 60,
    spentMinutes: (spent * intervalSeconds) / 60,
  };
}

/** Error rate over a window divided by the rate the target allows: 1 spends the budget exactly on time. */
export function burnRate(c: Counts, targetPercent: number): number | null {
  const known = knownSamples(c);
  const allowedRate = 1 - targetPercent / 100;
  if (known === 0 || allowedRate <= 0) return null;
  return c.down / known / allowedRate;
}

/**
 * The budget remaining after each bucket (e.g. day) of a period, against the budget of the
 * whole period's known samples, so the last point equals errorBudget() over the period.
 */
export function budgetBurnDown(buckets: readonly Counts[], targetPercent: number): (number | null)[] {
  const total = sumCounts(buckets);
  const allowed = (1 - targetPercent / 100) * knownSamples(total);
  let spent = 0;
  return buckets.map((b) => {
    spent += b.down;
    if (knownSamples(total) === 0 || allowed === 0) return null;
    return 100 * (1 - spent / allowed);
  });
}

export function slaVerdict(uptime: number | null, targetPercent: number): SlaVerdict {
  if (uptime === null) return "unknown";
  return uptime >= targetPercent ? "met" : "missed";
}

export type IncidentTimes = { startedAt: Date; detectedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null };

export type IncidentStats = {
  /** Incidents that started inside the period. */
  failures: number;
  /** Minutes of incident time overlapping the period, overlaps counted once (open incidents run to `now`). */
  downtimeMinutes: number;
  /** Mean start → resolution, over incidents resolved inside the period. */
  mttrMinutes: number | null;
  /** Mean detection → acknowledgement, over incidents acknowledged inside the period. */
  mttaMinutes: number | null;
  /** (Period − incident time) / failures: mean operating time between failures. */
  mtbfHours: number | null;
};

export function incidentStats(incidents: readonly IncidentTimes[], from: Date, to: Date, now: Date = new Date()): IncidentStats {
  const inPeriod = (d: Date) => d >= from && d < to;
  const end = to < now ? to : now;
  // Overlapping incidents (several services in one list) count their union once.
  const spans = incidents
    .map((i) => [Math.max(i.startedAt.getTime(), from.getTime()), Math.min((i.resolvedAt ?? end).getTime(), end.getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let downtime = 0;
  let reach = -Infinity;
  for (const [a, b] of spans) {
    if (b <= reach) continue;
    downtime += b - Math.max(a, reach);
    reach = b;
  }
  const failures = incidents.filter((i) => inPeriod(i.startedAt)).length;
  const resolved = incidents.filter((i) => i.resolvedAt && inPeriod(i.resolvedAt));
  const acknowledged = incidents.filter((i) => i.acknowledgedAt && inPeriod(i.acknowledgedAt));
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  const operating = Math.max(0, end.getTime() - from.getTime() - downtime);
  return {
    failures,
    downtimeMinutes: downtime / MINUTE_MS,
    mttrMinutes: mean(resolved.map((i) => (i.resolvedAt!.getTime() - i.startedAt.getTime()) / MINUTE_MS)),
    mttaMinutes: mean(acknowledged.map((i) => Math.max(0, i.acknowledgedAt!.getTime() - i.detectedAt.getTime()) / MINUTE_MS)),
    mtbfHours: failures === 0 ? null : operating / failures / (60 * MINUTE_MS),
  };
}
