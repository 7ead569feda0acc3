import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/context";
import { addDays, addHours, startOfUtcDay } from "@/lib/time";
import { ingestSamples } from "../ingest/ingest";
import { rollingWindow } from "../rollups/ranges";
import { loadOverview } from "./overview";
import { loadServiceDetail } from "./service-detail";
import { sample, testService } from "@/test/availability";

afterAll(closeDb);

/**
 * The pages' reads agree with each other whichever rollup and range they read, and give the
 * figures the samples imply. A fixed clock: 09:30 UTC, so the 24-hour window (whole hours,
 * from 10:00 yesterday) holds exactly yesterday's samples.
 */
describe("overview and service page reads", () => {
  it("give the same figures from hourly and daily rollups, in the strip, the series and the overview", async () => {
    const now = new Date("2024-05-15T09:30:00Z");
    const createdAt = addDays(now, -3);
    const svc = await testService({ slaTarget: 99 }, createdAt);
    // Yesterday 10:00–10:50 UTC: 90 healthy, then 10 down, every 30 s, all answering in 40 ms.
    const yesterday = addHours(addDays(startOfUtcDay(now), -1), 10);
    const samples = Array.from({ length: 100 }, (_, i) =>
      sample(svc.id, new Date(yesterday.getTime() + i * 30_000), i < 90 ? "healthy" : "down", 40),
    );
    await db.transaction((tx) => ingestSamples(tx, SYSTEM_ACTOR, samples, "push"));
    const firstDown = samples[90]!.observedAt;

    // Three days of 30-second slots since the service was created, 100 of them recorded.
    const expected = 3 * 2880;
    const figures = {
      counts: { healthy: 90, degraded: 0, down: 10, maintenance: 0, latencySum: 90 * 40, latencyCount: 90 },
      uptime: 90,
      credit: 90,
      verdict: "missed",
      coverage: { expected, known: 100, maintenance: 0, unknown: expected - 100, knownFraction: 100 / expected },
    };
    const sameFigures = [] as unknown[];
    for (const range of ["7d", "30d", "90d"] as const) {
      const detail = await loadServiceDetail(svc, rollingWindow(range, now), now);
      expect(detail.card.figures.counts, range).toMatchObject({ healthy: 90, down: 10, degraded: 0 });
      expect(detail.card.figures.uptime, range).toBe(90);
      expect(detail.card.figures.verdict, range).toBe("missed");
      expect(
        detail.series.reduce((n, p) => n + p.healthy + p.down, 0),
        range,
      ).toBe(100);
      expect(detail.card.figures.p50, range).toBeGreaterThanOrEqual(30);
      expect(detail.card.figures.p50, range).toBeLessThanOrEqual(50);
      expect(detail.card.strip, range).toHaveLength(90);
      expect(
        detail.card.strip.find((d) => d.day === yesterday.toISOString().slice(0, 10)),
        range,
      ).toMatchObject({ healthy: 90, down: 10, uptime: 90 });
      expect(detail.card.figures.budget?.remainingFraction, range).toBeCloseTo(1 - 10 / 1, 10);

      // Every latency is in the 40–50 ms bucket: percentiles interpolate inside it.
      expect(detail.card.figures, range).toMatchObject(figures);
      // Budget: 1% of 100 known samples may be down (half a minute at 30 s); 10 were (5 minutes).
      const budget = detail.card.figures.budget!;
      expect(budget.spent, range).toBe(10);
      expect(budget.spentMinutes, range).toBe(5);
      expect(budget.allowed, range).toBeCloseTo(1, 10);
      expect(budget.allowedMinutes, range).toBeCloseTo(0.5, 10);
      expect(detail.card.figures.p50, range).toBeCloseTo(45, 10);
      expect(detail.card.figures.p95, range).toBeCloseTo(49.5, 10);
      expect(detail.card.figures.p99, range).toBeCloseTo(49.9, 10);
      // The whole day, from midnight: 2,880 slots, 100 recorded. The day the service was
      // created counts from 09:30 (1,740 slots); the days before expect nothing.
      expect(
        detail.card.strip.find((d) => d.day === "2024-05-14"),
        range,
      ).toEqual({
        day: "2024-05-14",
        uptime: 90,
        healthy: 90,
        degraded: 0,
        down: 10,
        maintenance: 0,
        unknown: 2880 - 100,
      });
      expect(
        detail.card.strip.find((d) => d.day === "2024-05-12"),
        range,
      ).toMatchObject({ uptime: null, unknown: 1740 });
      expect(
        detail.card.strip.find((d) => d.day === "2024-05-11"),
        range,
      ).toMatchObject({ uptime: null, unknown: 0 });
      expect(detail.card.strip.at(-1)?.day, range).toBe("2024-05-15");
      // Only the last 24 hours hold samples; they burned the budget at ten times the allowed rate.
      expect(detail.burnRates, range).toMatchObject({ oneHour: null, sixHours: null });
      expect(detail.burnRates.oneDay, range).toBeCloseTo(10, 10);
      expect(detail.series.at(-1)?.budgetRemaining, range).toBeCloseTo(-900, 10);
      // Ten failed checks in a row opened an automatic incident, still open: it runs to now.
      expect(detail.card.openIncident, range).toMatchObject({ title: `${svc.name} is down`, severity: "sev2", startedAt: firstDown });
      expect(detail.incidentStats, range).toMatchObject({ failures: 1, mttrMinutes: null, mttaMinutes: null });
      expect(detail.incidentStats.downtimeMinutes, range).toBeCloseTo((now.getTime() - firstDown.getTime()) / 60_000, 10);
      sameFigures.push(detail.card.figures);
    }
    // Hourly (7 days) and daily (30 and 90 days) rollups give one set of figures.
    expect(sameFigures[1]).toEqual(sameFigures[0]);
    expect(sameFigures[2]).toEqual(sameFigures[0]);

    const day = await loadServiceDetail(svc, rollingWindow("24h", now), now);
    expect(day.card.figures.counts.healthy + day.card.figures.counts.down).toBeLessThanOrEqual(100);
    expect(day.card.figures.counts).toMatchObject({ healthy: 90, down: 10 });
    expect(day.card.figures.uptime).toBe(90);
    // 23½ hours of slots since 10:00 yesterday.
    expect(day.card.figures.coverage).toMatchObject({ expected: 2820, known: 100, unknown: 2720 });
    expect(day.series).toHaveLength(24);
    expect(day.series[0]).toMatchObject({ t: yesterday, healthy: 90, down: 10, unknown: 120 - 100, uptime: 90 });
    expect(day.series[0]!.p50).toBeCloseTo(45, 10);
    expect(day.series.slice(1, -1).every((p) => p.uptime === null && p.unknown === 120)).toBe(true);
    // The hour under way expects the slots up to now: 30 minutes.
    expect(day.series.at(-1)).toMatchObject({ uptime: null, unknown: 60 });

    const overview = await loadOverview(rollingWindow("30d", now), now);
    const card = overview.services.find((c) => c.service.id === svc.id)!;
    expect(card.figures.uptime).toBe(90);
    expect(card.strip).toHaveLength(90);
    expect(overview.compositeSeries).toHaveLength(30);
    // The overview sums its counts in SQL; the service page sums its buckets: the same figures.
    expect(card.figures).toEqual(sameFigures[1]);
    expect(card.strip.find((d) => d.day === "2024-05-14")).toMatchObject({ healthy: 90, down: 10, unknown: 2780 });
    expect(card.openIncident).toEqual({ ...day.card.openIncident, acknowledged: false });
  });
});
