import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { availabilityIncidents, availabilityMaintenance } from "@/db/schema";
import { insertUser } from "@/test/db";
import { readServiceDetail } from "./detail-read";
import { insertIncident } from "../incidents/incident-store";
import { SYSTEM_ACTOR } from "@/lib/context";
import { ingestSamples } from "../ingest/ingest";
import { incidentsBetween, maintenanceBetween } from "../queries";
import { bucketsByService } from "../rollups/rollup-reads";
import { emptyCounts } from "../sla/sla-math";
import { sample, testService } from "@/test/availability";

afterAll(closeDb);

const at = (iso: string) => new Date(`2021-03-${iso}Z`);
const author = { userId: null, apiKeyId: null };

/**
 * A service page reads its incidents and maintenance windows inside one JSON statement; they
 * must be exactly what the separate, typed reads give (which the SLA report still uses).
 */
describe("a service page's one-statement read", () => {
  it("returns the strip's days and the hours as the bucket reads do, with histograms only where asked", async () => {
    const svc = await testService({}, at("01T00:00:00"));
    // 2021-03-11 to 13: three days, 40 samples a day at 10:00–10:19 UTC, latencies 20–59 ms.
    const samples = [11, 12, 13].flatMap((d) =>
      Array.from({ length: 40 }, (_, i) =>
        sample(svc.id, new Date(at(`${d}T10:00:00`).getTime() + i * 30_000), i === 0 ? "down" : "healthy", 20 + i),
      ),
    );
    await db.transaction((tx) => ingestSamples(tx, SYSTEM_ACTOR, samples, "push"));
    const days = { from: at("10T00:00:00"), to: at("14T00:00:00"), grain: "day" as const, key: "t", label: "t" };
    const hours = { from: at("12T09:00:00"), to: at("12T12:00:00"), grain: "hour" as const, key: "t", label: "t" };
    const expectedDays = (await bucketsByService(days, [svc.id])).get(svc.id)!;
    const expectedHours = (await bucketsByService(hours, [svc.id])).get(svc.id)!;
    expect(expectedDays).toHaveLength(3);
    expect(expectedHours).toHaveLength(1);
    const noHistogram = emptyCounts().latencyHist;

    const read = await readServiceDetail(svc.id, {
      strip: days,
      histogramsFrom: at("12T00:00:00"),
      hours,
      hourHistograms: true,
      from: days.from,
      to: days.to,
    });
    const strip = read.strip.get(svc.id)!;
    expect(strip.map((b) => b.start)).toEqual(expectedDays.map((b) => b.start));
    expect(strip[0]!.counts).toEqual({ ...expectedDays[0]!.counts, latencyHist: noHistogram });
    expect(strip.slice(1)).toEqual(expectedDays.slice(1));
    expect(strip[1]!.counts.latencyHist.reduce((a, b) => a + b, 0)).toBe(39);
    expect(read.hours.get(svc.id)).toEqual(expectedHours);

    const bare = await readServiceDetail(svc.id, {
      strip: days,
      histogramsFrom: null,
      hours,
      hourHistograms: false,
      from: days.from,
      to: days.to,
    });
    expect(bare.strip.get(svc.id)!.map((b) => b.counts)).toEqual(expectedDays.map((b) => ({ ...b.counts, latencyHist: noHistogram })));
    expect(bare.hours.get(svc.id)!.map((b) => b.counts)).toEqual(expectedHours.map((b) => ({ ...b.counts, latencyHist: noHistogram })));
  });

  it("returns the service's overlapping incidents and applicable maintenance, like the separate reads", async () => {
    const svc = await testService();
    const other = await testService();
    const acker = await insertUser(["ops"], { label: "acker" });
    const incident = (serviceId: string, title: string, startedAt: Date, resolvedAt: Date | null) =>
      db.transaction(async (tx) => {
        const id = await insertIncident(tx, author, {
          serviceId,
          title,
          severity: "sev2",
          source: "manual",
          startedAt,
          detectedAt: startedAt,
          body: "test",
        });
        if (resolvedAt)
          await tx
            .update(availabilityIncidents)
            .set({ resolvedAt, rootCause: "cause", postmortemUrl: "https://example.test/pm" })
            .where(eq(availabilityIncidents.id, id));
        return id;
      });
    const from = at("10T00:00:00");
    const to = at("20T00:00:00");
    const before = await incident(svc.id, "resolved before the window", at("01T00:00:00"), at("02T00:00:00"));
    const overlapping = await incident(svc.id, "began before, resolved inside", at("09T00:00:00"), at("11T00:00:00"));
    const inside = await incident(svc.id, "inside", at("15T00:00:00"), at("15T01:00:00"));
    const open = await incident(svc.id, "still open", at("18T00:00:00"), null);
    await incident(other.id, "another service's", at("15T00:00:00"), null);
    await db
      .update(availabilityIncidents)
      .set({ acknowledgedAt: at("18T00:05:00"), acknowledgedBy: acker.id })
      .where(eq(availabilityIncidents.id, open));

    const windows = await db
      .insert(availabilityMaintenance)
      .values([
        { serviceId: svc.id, startsAt: at("12T00:00:00"), endsAt: at("12T02:00:00"), reason: "own" },
        { serviceId: null, startsAt: at("19T00:00:00"), endsAt: at("21T00:00:00"), reason: "global, crossing the end" },
        { serviceId: other.id, startsAt: at("13T00:00:00"), endsAt: at("13T02:00:00"), reason: "another service's" },
        { serviceId: svc.id, startsAt: at("01T00:00:00"), endsAt: at("01T02:00:00"), reason: "own, before the window" },
      ])
      .returning({ id: availabilityMaintenance.id });

    try {
      const window = { from, to, grain: "day" as const, key: "t", label: "t" };
      const read = await readServiceDetail(svc.id, {
        strip: window,
        histogramsFrom: null,
        hours: { ...window, grain: "hour" },
        hourHistograms: false,
        from,
        to,
      });

      expect(read.incidents.map((i) => i.id)).toEqual([open, inside, overlapping]);
      expect(read.incidents.map((i) => i.id)).not.toContain(before);
      expect(read.incidents).toEqual(await incidentsBetween(from, to, svc.id));
      expect(read.incidents[0]).toMatchObject({
        acknowledgedByName: expect.stringContaining("acker"),
        resolvedAt: null,
        acknowledgedAt: at("18T00:05:00"),
      });
      expect(read.incidents[1]).toMatchObject({
        rootCause: "cause",
        postmortemUrl: "https://example.test/pm",
        resolvedAt: at("15T01:00:00"),
        serviceKey: svc.key,
      });

      expect(read.maintenance.map((m) => m.reason)).toEqual(["global, crossing the end", "own"]);
      expect(read.maintenance).toEqual((await maintenanceBetween(from, to)).filter((m) => m.serviceId === null || m.serviceId === svc.id));
      expect(read.strip.size + read.hours.size).toBe(0);
    } finally {
      // The global window would otherwise apply to every other test's service.
      for (const w of windows) await db.delete(availabilityMaintenance).where(eq(availabilityMaintenance.id, w.id));
    }
  });
});
