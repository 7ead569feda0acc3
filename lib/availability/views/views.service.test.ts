import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/context";
import { ingestSamples } from "../ingest/ingest";
import { rollingWindow } from "../rollups/ranges";
import { loadOverview, loadServiceDetail } from "./views";
import { sample, testService } from "../../../test/availability";

afterAll(closeDb);

/** The pages' reads agree with each other whichever rollup and range they read. */
describe("overview and service page reads", () => {
  it("give the same figures from hourly and daily rollups, in the strip, the series and the overview", async () => {
    const now = new Date();
    const svc = await testService({ slaTarget: 99 }, new Date(now.getTime() - 3 * 86_400_000));
    // Yesterday 10:00–10:50 UTC: 90 healthy, then 10 down, every 30 s.
    const yesterday = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - 86_400_000 + 10 * 3_600_000);
    const samples = Array.from({ length: 100 }, (_, i) =>
      sample(svc.id, new Date(yesterday.getTime() + i * 30_000), i < 90 ? "healthy" : "down", 40),
    );
    await db.transaction((tx) => ingestSamples(tx, SYSTEM_ACTOR, samples, "push"));

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
      // Budget: 1% of 100 known samples may be down; 10 were.
      expect(detail.card.figures.budget?.remainingFraction, range).toBeCloseTo(1 - 10 / 1, 10);
    }
    const day = await loadServiceDetail(svc, rollingWindow("24h", now), now);
    expect(day.card.figures.counts.healthy + day.card.figures.counts.down).toBeLessThanOrEqual(100);

    const overview = await loadOverview(rollingWindow("30d", now), now);
    const card = overview.services.find((c) => c.service.id === svc.id)!;
    expect(card.figures.uptime).toBe(90);
    expect(card.strip).toHaveLength(90);
    expect(overview.compositeSeries).toHaveLength(30);
  });
});
