import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCounts,
  budgetBurnDown,
  burnRate,
  compositePercent,
  type Counts,
  coverage,
  creditPercent,
  emptyCounts,
  errorBudget,
  expectedSamples,
  type IncidentTimes,
  incidentStats,
  knownSamples,
  latencyBucket,
  percentileFromHistogram,
  slaVerdict,
  sumCounts,
  uptimePercent,
} from "./sla-math";
import { DEFAULT_SERVICES, HISTOGRAM_SIZE, LATENCY_BUCKETS_MS } from "../vocabulary";

/** Counts with the given statuses; everything else empty. */
function counts(partial: Partial<Counts>): Counts {
  return { ...emptyCounts(), ...partial };
}

/** A histogram with the given non-zero buckets (index → samples). */
function hist(buckets: Record<number, number>): number[] {
  const h = new Array<number>(HISTOGRAM_SIZE).fill(0);
  for (const [i, n] of Object.entries(buckets)) h[Number(i)] = n;
  return h;
}

// Arbitraries: non-negative integer counts (small enough that sums stay exact).
const count = fc.nat({ max: 100_000 });
const histArb = fc.array(fc.nat({ max: 1_000 }), { minLength: HISTOGRAM_SIZE, maxLength: HISTOGRAM_SIZE });
const countsArb: fc.Arbitrary<Counts> = fc.record({
  healthy: count,
  degraded: count,
  down: count,
  maintenance: count,
  latencySum: fc.nat({ max: 1_000_000_000 }),
  latencyCount: count,
  latencyHist: histArb,
});
// Targets 90.00 … 99.99 % in basis-point steps, as an SLA would state them.
const targetArb = fc.integer({ min: 9_000, max: 9_999 }).map((bp) => bp / 100);

describe("uptimePercent and creditPercent", () => {
  it("counts degraded as up for uptime: 990 healthy, 5 degraded, 5 down → 99.5", () => {
    expect(uptimePercent(counts({ healthy: 990, degraded: 5, down: 5 }))).toBeCloseTo(99.5, 10);
  });

  it("counts degraded as half for credit: (990 + 5/2) / 1000 → 99.25", () => {
    expect(creditPercent(counts({ healthy: 990, degraded: 5, down: 5 }))).toBeCloseTo(99.25, 10);
  });

  it("is 100 when every known sample is healthy", () => {
    const c = counts({ healthy: 1234 });
    expect(uptimePercent(c)).toBe(100);
    expect(creditPercent(c)).toBe(100);
  });

  it("is 0 when every known sample is down, and credit 50 when all degraded", () => {
    expect(uptimePercent(counts({ down: 7 }))).toBe(0);
    expect(creditPercent(counts({ down: 7 }))).toBe(0);
    expect(uptimePercent(counts({ degraded: 8 }))).toBe(100);
    expect(creditPercent(counts({ degraded: 8 }))).toBe(50);
  });

  it("is null when nothing is known, even with maintenance samples", () => {
    expect(uptimePercent(emptyCounts())).toBeNull();
    expect(creditPercent(emptyCounts())).toBeNull();
    expect(uptimePercent(counts({ maintenance: 500 }))).toBeNull();
    expect(creditPercent(counts({ maintenance: 500 }))).toBeNull();
  });

  it("excludes maintenance samples: adding them changes neither figure", () => {
    const base = counts({ healthy: 990, degraded: 5, down: 5 });
    const withMaintenance = { ...base, maintenance: 10_000 };
    expect(uptimePercent(withMaintenance)).toBe(uptimePercent(base));
    expect(creditPercent(withMaintenance)).toBe(creditPercent(base));
    expect(knownSamples(withMaintenance)).toBe(1000);
  });
});

describe("coverage and expectedSamples", () => {
  it("splits expected samples into known, maintenance and unknown", () => {
    // 100 expected; 90 recorded outside maintenance, 5 inside → 5 never recorded.
    expect(coverage(counts({ healthy: 80, degraded: 6, down: 4, maintenance: 5 }), 100)).toEqual({
      expected: 100,
      known: 90,
      maintenance: 5,
      unknown: 5,
      knownFraction: 0.9,
    });
  });

  it("never reports negative unknown when more samples than expected were recorded", () => {
    // Pushes between probes: 110 + 3 recorded against 100 expected.
    const cov = coverage(counts({ healthy: 110, maintenance: 3 }), 100);
    expect(cov.unknown).toBe(0);
    expect(cov.expected).toBe(113);
    expect(cov.knownFraction).toBeCloseTo(110 / 113, 12);
  });

  it("reports everything unknown when nothing was recorded, and knownFraction 0 when nothing expected", () => {
    expect(coverage(emptyCounts(), 120)).toMatchObject({ expected: 120, known: 0, unknown: 120, knownFraction: 0 });
    expect(coverage(emptyCounts(), 0)).toMatchObject({ expected: 0, unknown: 0, knownFraction: 0 });
  });

  it("expects one sample per full interval", () => {
    const from = new Date("2025-01-01T00:00:00Z");
    expect(expectedSamples(from, new Date("2025-01-01T01:00:00Z"), 30)).toBe(120);
    expect(expectedSamples(from, new Date("2025-01-02T00:00:00Z"), 60)).toBe(1440);
    // 89 s at 30 s: two full intervals, the partial third does not count.
    expect(expectedSamples(from, new Date("2025-01-01T00:01:29Z"), 30)).toBe(2);
  });

  it("expects nothing from an empty or reversed range", () => {
    const at = new Date("2025-01-01T00:00:00Z");
    expect(expectedSamples(at, at, 30)).toBe(0);
    expect(expectedSamples(at, new Date("2024-12-31T00:00:00Z"), 30)).toBe(0);
  });
});

describe("compositePercent", () => {
  // Credits (healthy 1, degraded ½, down 0):
  //   inference 100 healthy                  → 100
  //   training  90 healthy, 10 degraded      → 95
  //   registry  80 healthy, 20 down          → 80
  //   features  50 healthy, 50 degraded      → 75
  //   monitor   100 down                     → 0
  const services = {
    inference_api: counts({ healthy: 100 }),
    training_pipeline: counts({ healthy: 90, degraded: 10 }),
    model_registry: counts({ healthy: 80, down: 20 }),
    feature_store: counts({ healthy: 50, degraded: 50 }),
    monitoring_dashboard: counts({ down: 100 }),
  };
  const weighted = (overrides: Partial<Record<keyof typeof services, Counts>> = {}) =>
    DEFAULT_SERVICES.map((s) => ({ weight: s.weight, counts: overrides[s.key] ?? services[s.key] }));

  it("uses the seeded weights 0.4 / 0.2 / 0.15 / 0.15 / 0.1", () => {
    expect(DEFAULT_SERVICES.map((s) => s.weight)).toEqual([0.4, 0.2, 0.15, 0.15, 0.1]);
  });

  it("weights the credits: 0.4·100 + 0.2·95 + 0.15·80 + 0.15·75 + 0.1·0 = 82.25", () => {
    const { percent, weightWithData } = compositePercent(weighted());
    expect(percent).toBeCloseTo(82.25, 10);
    expect(weightWithData).toBeCloseTo(1, 12);
  });

  it("leaves out a service with no known samples and renormalizes the other weights", () => {
    // Monitoring has only maintenance samples: 82.25 / 0.9 (its credit was 0, so the sum stays).
    const { percent, weightWithData } = compositePercent(weighted({ monitoring_dashboard: counts({ maintenance: 100 }) }));
    expect(weightWithData).toBeCloseTo(0.9, 12);
    expect(percent).toBeCloseTo(82.25 / 0.9, 10);
  });

  it("renormalizes when the heaviest service has no data", () => {
    // Without inference (0.4): (0.2·95 + 0.15·80 + 0.15·75 + 0.1·0) / 0.6 = 42.25 / 0.6.
    const { percent, weightWithData } = compositePercent(weighted({ inference_api: emptyCounts() }));
    expect(weightWithData).toBeCloseTo(0.6, 12);
    expect(percent).toBeCloseTo(42.25 / 0.6, 10);
  });

  it("is null with zero weightWithData when no service has known samples", () => {
    const none = DEFAULT_SERVICES.map((s) => ({ weight: s.weight, counts: counts({ maintenance: 10 }) }));
    expect(compositePercent(none)).toEqual({ percent: null, weightWithData: 0 });
    expect(compositePercent([])).toEqual({ percent: null, weightWithData: 0 });
  });

  it("ignores services with zero weight", () => {
    const result = compositePercent([
      { weight: 1, counts: counts({ healthy: 10 }) },
      { weight: 0, counts: counts({ down: 10 }) },
    ]);
    expect(result).toEqual({ percent: 100, weightWithData: 1 });
  });

  it("matches the service's own credit for a single service", () => {
    expect(compositePercent([{ weight: 0.15, counts: services.feature_store }]).percent).toBeCloseTo(75, 10);
  });
});

describe("latencyBucket", () => {
  it("puts 0 in bucket 0 and a value just under the first bound there too", () => {
    expect(latencyBucket(0)).toBe(0);
    expect(latencyBucket(4.999)).toBe(0);
  });

  it("puts a value equal to a bound in the next bucket", () => {
    expect(latencyBucket(5)).toBe(1);
    expect(latencyBucket(10)).toBe(2);
    LATENCY_BUCKETS_MS.forEach((bound, i) => expect(latencyBucket(bound)).toBe(i + 1));
  });

  it("puts a value just under a bound in that bound's bucket", () => {
    LATENCY_BUCKETS_MS.forEach((bound, i) => expect(latencyBucket(bound - 0.001)).toBe(i));
  });

  it("puts 30000 and anything huge in the open last bucket", () => {
    expect(latencyBucket(30_000)).toBe(HISTOGRAM_SIZE - 1);
    expect(latencyBucket(1e12)).toBe(HISTOGRAM_SIZE - 1);
    expect(latencyBucket(Number.POSITIVE_INFINITY)).toBe(HISTOGRAM_SIZE - 1);
  });
});

describe("percentileFromHistogram", () => {
  // 100 samples: 50 in [5,10), 40 in [10,15), 8 in [20,25), 2 in [30000,∞).
  const h = hist({ 1: 50, 2: 40, 4: 8, [HISTOGRAM_SIZE - 1]: 2 });

  it("interpolates p50 at the top of the bucket that fills rank 50: 5 + 5·50/50 = 10", () => {
    expect(percentileFromHistogram(h, 0.5)).toBeCloseTo(10, 10);
  });

  it("interpolates inside a bucket: p25 = 5 + 5·25/50 = 7.5, p70 = 10 + 5·20/40 = 12.5", () => {
    expect(percentileFromHistogram(h, 0.25)).toBeCloseTo(7.5, 10);
    expect(percentileFromHistogram(h, 0.7)).toBeCloseTo(12.5, 10);
  });

  it("skips empty buckets: p95 (rank 95, 90 below) = 20 + 5·5/8 = 23.125", () => {
    expect(percentileFromHistogram(h, 0.95)).toBeCloseTo(23.125, 10);
  });

  it("answers the open last bucket's lower bound: p99 (rank 99, 98 below) = 30000", () => {
    expect(percentileFromHistogram(h, 0.99)).toBe(30_000);
    expect(percentileFromHistogram(h, 1)).toBe(30_000);
  });

  it("answers the top bound of the last non-empty bucket for q = 1", () => {
    expect(percentileFromHistogram(hist({ 1: 50, 2: 40 }), 1)).toBeCloseTo(15, 10);
  });

  it("interpolates from 0 in the first bucket: 10 samples in [0,5), p50 = 2.5", () => {
    expect(percentileFromHistogram(hist({ 0: 10 }), 0.5)).toBeCloseTo(2.5, 10);
  });

  it("is null for an empty histogram", () => {
    expect(percentileFromHistogram(hist({}), 0.5)).toBeNull();
    expect(percentileFromHistogram(emptyCounts().latencyHist, 0.99)).toBeNull();
  });
});

describe("errorBudget", () => {
  // 99.9 % of 100 000 known samples allows 100 down samples.
  const target = 99.9;

  it("allows (1 − target) × known: 100 of 100000 at 99.9 %", () => {
    const b = errorBudget(counts({ healthy: 100_000 }), target, 30)!;
    expect(b.allowed).toBeCloseTo(100, 8);
    expect(b.spent).toBe(0);
    expect(b.remainingFraction).toBe(1);
  });

  it("has half left after 50 down, and converts to minutes at a 30 s interval", () => {
    const b = errorBudget(counts({ healthy: 99_950, down: 50 }), target, 30)!;
    expect(b.spent).toBe(50);
    expect(b.remainingFraction).toBeCloseTo(0.5, 10);
    // 100 samples × 30 s = 50 min allowed; 50 × 30 s = 25 min spent.
    expect(b.allowedMinutes).toBeCloseTo(50, 8);
    expect(b.spentMinutes).toBe(25);
  });

  it("counts degraded samples as known but not as spent", () => {
    const b = errorBudget(counts({ healthy: 99_000, degraded: 950, down: 50 }), target, 30)!;
    expect(b.spent).toBe(50);
    expect(b.remainingFraction).toBeCloseTo(0.5, 10);
  });

  it("goes negative when overspent: 150 down → −0.5", () => {
    const b = errorBudget(counts({ healthy: 99_850, down: 150 }), target, 30)!;
    expect(b.remainingFraction).toBeCloseTo(-0.5, 10);
    expect(b.remainingFraction).toBeLessThan(0);
  });

  it("ignores maintenance samples when sizing the budget", () => {
    const b = errorBudget(counts({ healthy: 99_950, down: 50, maintenance: 50_000 }), target, 30)!;
    expect(b.allowed).toBeCloseTo(100, 8);
  });

  it("is null when nothing is known", () => {
    expect(errorBudget(emptyCounts(), target, 30)).toBeNull();
    expect(errorBudget(counts({ maintenance: 1000 }), target, 30)).toBeNull();
  });

  it("at a 100 % target: untouched while nothing is down, −∞ after one down sample", () => {
    expect(errorBudget(counts({ healthy: 10 }), 100, 30)!.remainingFraction).toBe(1);
    expect(errorBudget(counts({ healthy: 10, down: 1 }), 100, 30)!.remainingFraction).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("burnRate", () => {
  it("is (down / known) / (1 − target)", () => {
    // 0.2 % down against a 0.1 % allowance burns twice as fast as allowed.
    expect(burnRate(counts({ healthy: 998, down: 2 }), 99.9)).toBeCloseTo(2, 8);
    // 1 % down against 1 %: exactly on time.
    expect(burnRate(counts({ healthy: 90, degraded: 9, down: 1 }), 99)).toBeCloseTo(1, 8);
    expect(burnRate(counts({ healthy: 1000 }), 99.9)).toBe(0);
  });

  it("ignores maintenance samples", () => {
    expect(burnRate(counts({ healthy: 998, down: 2, maintenance: 5000 }), 99.9)).toBeCloseTo(2, 8);
  });

  it("is null when nothing is known or the target allows no errors", () => {
    expect(burnRate(counts({ maintenance: 10 }), 99.9)).toBeNull();
    expect(burnRate(counts({ healthy: 10, down: 1 }), 100)).toBeNull();
  });
});

describe("budgetBurnDown", () => {
  it("spends the whole period's budget bucket by bucket", () => {
    // 3 days of 1000 known samples at 99 %: allowed 30. Down 3, 0, 12 → 90 %, 90 %, 50 % left.
    const days = [counts({ healthy: 997, down: 3 }), counts({ healthy: 1000 }), counts({ healthy: 988, down: 12 })];
    const points = budgetBurnDown(days, 99);
    expect(points).toHaveLength(3);
    expect(points[0]).toBeCloseTo(90, 8);
    expect(points[1]).toBeCloseTo(90, 8);
    expect(points[2]).toBeCloseTo(50, 8);
  });

  it("ends at 100 × errorBudget().remainingFraction over the summed buckets", () => {
    const days = [counts({ healthy: 50_000, down: 20 }), counts({ healthy: 49_000, degraded: 950, down: 30, maintenance: 7 })];
    const last = budgetBurnDown(days, 99.9).at(-1)!;
    expect(last).toBe(100 * errorBudget(sumCounts(days), 99.9, 30)!.remainingFraction);
    expect(last).toBeCloseTo(50, 6);
  });

  it("is all null when the period has no known samples", () => {
    expect(budgetBurnDown([counts({ maintenance: 5 }), emptyCounts()], 99.9)).toEqual([null, null]);
    expect(budgetBurnDown([], 99.9)).toEqual([]);
  });

  it("never rises and ends at errorBudget() for random buckets", () => {
    fc.assert(
      fc.property(fc.array(countsArb, { minLength: 1, maxLength: 10 }), targetArb, (buckets, target) => {
        const points = budgetBurnDown(buckets, target);
        const budget = errorBudget(sumCounts(buckets), target, 30);
        if (budget === null) {
          expect(points.every((p) => p === null)).toBe(true);
          return;
        }
        for (let i = 1; i < points.length; i++) expect(points[i]!).toBeLessThanOrEqual(points[i - 1]!);
        expect(points.at(-1)).toBe(100 * budget.remainingFraction);
      }),
    );
  });
});

describe("slaVerdict", () => {
  it("is met above and exactly at the target, missed below", () => {
    expect(slaVerdict(99.95, 99.9)).toBe("met");
    expect(slaVerdict(99.9, 99.9)).toBe("met");
    expect(slaVerdict(99.89, 99.9)).toBe("missed");
    expect(slaVerdict(0, 99.9)).toBe("missed");
  });

  it("is met for a computed uptime exactly at the target (999 of 1000 at 99.9 %)", () => {
    expect(slaVerdict(uptimePercent(counts({ healthy: 999, down: 1 })), 99.9)).toBe("met");
    expect(slaVerdict(uptimePercent(counts({ healthy: 998, down: 2 })), 99.9)).toBe("missed");
  });

  it("is unknown when there is no uptime figure", () => {
    expect(slaVerdict(null, 99.9)).toBe("unknown");
    expect(slaVerdict(uptimePercent(counts({ maintenance: 10 })), 99.9)).toBe("unknown");
  });
});

describe("incidentStats", () => {
  const MIN = 60_000;
  const from = new Date("2025-03-01T00:00:00Z");
  const to = new Date(from.getTime() + 10 * 24 * 60 * MIN); // 10 days = 14 400 min
  const afterPeriod = new Date(to.getTime() + 24 * 60 * MIN);
  const at = (minutes: number) => new Date(from.getTime() + minutes * MIN);
  const incident = (start: number, resolved: number | null, detected = start, acknowledged: number | null = null): IncidentTimes => ({
    startedAt: at(start),
    detectedAt: at(detected),
    acknowledgedAt: acknowledged === null ? null : at(acknowledged),
    resolvedAt: resolved === null ? null : at(resolved),
  });

  it("computes MTTR, downtime, failures and MTBF for two resolved incidents", () => {
    // 30 min and 90 min: MTTR 60, downtime 120, MTBF = (14 400 − 120) / 2 min = 7140 min = 119 h.
    const stats = incidentStats([incident(1000, 1030), incident(5000, 5090)], from, to, afterPeriod);
    expect(stats.failures).toBe(2);
    expect(stats.downtimeMinutes).toBe(120);
    expect(stats.mttrMinutes).toBe(60);
    expect(stats.mtbfHours).toBeCloseTo(119, 10);
    expect(stats.mttaMinutes).toBeNull();
  });

  it("runs an open incident to `now` when now is inside the period", () => {
    // Now is 2 days in; the incident opened at day 1 and is still open → 1440 min down,
    // MTBF = (2880 − 1440) min / 1 = 24 h; no MTTR.
    const stats = incidentStats([incident(1440, null)], from, to, at(2880));
    expect(stats.downtimeMinutes).toBe(1440);
    expect(stats.failures).toBe(1);
    expect(stats.mttrMinutes).toBeNull();
    expect(stats.mtbfHours).toBeCloseTo(24, 10);
  });

  it("runs an open incident only to the period end when now is later", () => {
    // Opened 60 min before the end: 60 min, not 60 + a day.
    const stats = incidentStats([incident(14_400 - 60, null)], from, to, afterPeriod);
    expect(stats.downtimeMinutes).toBe(60);
    expect(stats.failures).toBe(1);
  });

  it("counts only the overlap of an incident that started before the period, and not as a failure", () => {
    // Started 60 min before, resolved 30 min in: 30 min down. It is resolved inside the
    // period, so MTTR counts its full 90 min.
    const stats = incidentStats([incident(-60, 30)], from, to, afterPeriod);
    expect(stats.downtimeMinutes).toBe(30);
    expect(stats.failures).toBe(0);
    expect(stats.mtbfHours).toBeNull();
    expect(stats.mttrMinutes).toBe(90);
  });

  it("counts only the overlap of an incident resolved after the period", () => {
    // Started 30 min before the end, resolved 60 min after: 30 min down, a failure, no MTTR.
    const stats = incidentStats([incident(14_400 - 30, 14_400 + 60)], from, to, afterPeriod);
    expect(stats.downtimeMinutes).toBe(30);
    expect(stats.failures).toBe(1);
    expect(stats.mttrMinutes).toBeNull();
  });

  it("ignores incidents entirely outside the period", () => {
    const stats = incidentStats([incident(-500, -400), incident(15_000, 15_100)], from, to, new Date(to.getTime() + 30 * 24 * 60 * MIN));
    expect(stats).toEqual({ failures: 0, downtimeMinutes: 0, mttrMinutes: null, mttaMinutes: null, mtbfHours: null });
  });

  it("computes MTTA from detection to acknowledgement, over acknowledgements inside the period", () => {
    // Detected +5, acked +15 → 10 min; detected +2, acked +22 → 20 min; mean 15.
    // The third was acknowledged before the period and is left out.
    const stats = incidentStats(
      [incident(100, 200, 105, 115), incident(1000, 1100, 1002, 1022), incident(-100, 10, -95, -50)],
      from,
      to,
      afterPeriod,
    );
    expect(stats.mttaMinutes).toBe(15);
  });

  it("has no MTBF and zero downtime without incidents", () => {
    expect(incidentStats([], from, to, afterPeriod)).toEqual({
      failures: 0,
      downtimeMinutes: 0,
      mttrMinutes: null,
      mttaMinutes: null,
      mtbfHours: null,
    });
  });
});

describe("properties", () => {
  it("uptime and credit lie in [0, 100], and are null exactly when nothing is known", () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const up = uptimePercent(c);
        const credit = creditPercent(c);
        if (knownSamples(c) === 0) {
          expect(up).toBeNull();
          expect(credit).toBeNull();
          return;
        }
        expect(up).not.toBeNull();
        expect(credit).not.toBeNull();
        for (const v of [up!, credit!]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(credit!).toBeLessThanOrEqual(up!);
      }),
    );
  });

  it("is 100 whenever every known sample is healthy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), count, (healthy, maintenance) => {
        const c = counts({ healthy, maintenance });
        expect(uptimePercent(c)).toBe(100);
        expect(creditPercent(c)).toBe(100);
      }),
    );
  });

  it("adding maintenance samples never changes uptime or credit", () => {
    fc.assert(
      fc.property(countsArb, count, (c, extra) => {
        const more = { ...c, maintenance: c.maintenance + extra };
        expect(uptimePercent(more)).toBe(uptimePercent(c));
        expect(creditPercent(more)).toBe(creditPercent(c));
      }),
    );
  });

  it("addCounts is commutative", () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        expect(addCounts(a, b)).toEqual(addCounts(b, a));
      }),
    );
  });

  it("sumCounts of a split list adds up to sumCounts of the whole", () => {
    fc.assert(
      fc.property(fc.array(countsArb, { maxLength: 8 }), fc.nat(), (list, cut) => {
        const i = list.length === 0 ? 0 : cut % (list.length + 1);
        expect(addCounts(sumCounts(list.slice(0, i)), sumCounts(list.slice(i)))).toEqual(sumCounts(list));
      }),
    );
  });

  it("the composite lies between the lowest and highest credit of the services with data", () => {
    const service = fc.record({ weight: fc.integer({ min: 1, max: 100 }).map((w) => w / 100), counts: countsArb });
    fc.assert(
      fc.property(fc.array(service, { minLength: 1, maxLength: 6 }), (services) => {
        const credits = services.map((s) => creditPercent(s.counts)).filter((c): c is number => c !== null);
        const { percent } = compositePercent(services);
        if (credits.length === 0) {
          expect(percent).toBeNull();
          return;
        }
        expect(percent!).toBeGreaterThanOrEqual(Math.min(...credits) - 1e-9);
        expect(percent!).toBeLessThanOrEqual(Math.max(...credits) + 1e-9);
      }),
    );
  });

  it("percentiles are monotone in q: p50 ≤ p95 ≤ p99, within [0, 30000]", () => {
    fc.assert(
      fc.property(histArb, (h) => {
        const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => percentileFromHistogram(h, q));
        if (h.every((n) => n === 0)) {
          expect([p50, p95, p99]).toEqual([null, null, null]);
          return;
        }
        expect(p50!).toBeGreaterThanOrEqual(0);
        expect(p50!).toBeLessThanOrEqual(p95!);
        expect(p95!).toBeLessThanOrEqual(p99!);
        expect(p99!).toBeLessThanOrEqual(LATENCY_BUCKETS_MS.at(-1)!);
      }),
    );
  });

  it("percentiles are monotone for any two q, on sparse histograms", () => {
    const sparse = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 20 })), {
      minLength: HISTOGRAM_SIZE,
      maxLength: HISTOGRAM_SIZE,
    });
    const q = fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(sparse, q, q, (h, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = percentileFromHistogram(h, lo);
        const pHi = percentileFromHistogram(h, hi);
        if (pLo === null) {
          expect(pHi).toBeNull();
          return;
        }
        expect(pLo).toBeLessThanOrEqual(pHi!);
      }),
    );
  });

  it("coverage never reports negative unknown, and its parts add up to expected", () => {
    fc.assert(
      fc.property(countsArb, fc.nat({ max: 1_000_000 }), (c, expected) => {
        const cov = coverage(c, expected);
        expect(cov.unknown).toBeGreaterThanOrEqual(0);
        expect(cov.known + cov.maintenance + cov.unknown).toBe(cov.expected);
        expect(cov.expected).toBeGreaterThanOrEqual(expected);
        expect(cov.knownFraction).toBeGreaterThanOrEqual(0);
        expect(cov.knownFraction).toBeLessThanOrEqual(1);
      }),
    );
  });
});
