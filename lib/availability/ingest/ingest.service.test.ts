import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { availabilityIncidents, availabilityIncidentUpdates, availabilitySamples, availabilitySettings } from "@/db/schema";
import { SYSTEM_ACTOR, ANONYMOUS } from "@/lib/context";
import { auditEvents, headSeq } from "@/test/db";
import { ingestSamples, type SampleInput } from "./ingest";
import { dayWindow } from "../rollups/ranges";
import { countsByService } from "../rollups/rollup-reads";
import { figuresFor } from "../sla/figures";
import { pruneRawSamples } from "../rollups/retention";
import { rollupTestSwitch } from "../rollups/rollup-sql";
import { createMaintenance } from "../registry/registry-service";
import { dailyRollups, hourlyRollups, rollupsFromRaw, sample, serviceRow, testService } from "@/test/availability";

afterAll(closeDb);

const ingest = (samples: SampleInput[]) => db.transaction((tx) => ingestSamples(tx, SYSTEM_ACTOR, samples, "push"));
const at = (base: string, i: number) => new Date(Date.parse(base) + i * 30_000);

/** A deterministic mix of statuses and latencies spread over a few hours and two days. */
function mixed(serviceId: string, base: string, n: number): SampleInput[] {
  return Array.from({ length: n }, (_, i) => {
    const status = i % 17 === 0 ? "down" : i % 5 === 0 ? "degraded" : "healthy";
    return sample(serviceId, at(base, i), status, status === "down" ? null : (i * 37) % 900);
  });
}

describe("rollups", () => {
  it("equal an independent aggregate of the raw samples, whatever the batch order, with duplicates skipped", async () => {
    const svc = await testService();
    const all = mixed(svc.id, "2026-10-01T22:10:00Z", 400); // crosses midnight UTC
    // Out of order: the second half first, then overlapping batches that repeat samples.
    expect((await ingest(all.slice(200))).inserted).toBe(200);
    expect((await ingest(all.slice(0, 120))).inserted).toBe(120);
    expect((await ingest(all.slice(100, 260))).inserted).toBe(80);
    expect(await hourlyRollups(svc.id)).toEqual(await rollupsFromRaw(svc.id, "hour"));
    expect(await dailyRollups(svc.id)).toEqual(await rollupsFromRaw(svc.id, "day"));
    const days = await dailyRollups(svc.id);
    expect(days.map((d) => d.bucket)).toEqual(["2026-10-01", "2026-10-02"]);
    expect(days.reduce((n, d) => n + d.healthy + d.degraded + d.down, 0)).toBe(400);
  });

  it("lose no update under concurrent writers on the same hours", async () => {
    const svc = await testService();
    const all = mixed(svc.id, "2026-10-03T10:00:00Z", 480);
    // Eight writers, interleaved samples (i % 8), all in the same four hours.
    await Promise.all(Array.from({ length: 8 }, (_, w) => ingest(all.filter((_, i) => i % 8 === w))));
    expect(await hourlyRollups(svc.id)).toEqual(await rollupsFromRaw(svc.id, "hour"));
    // Every batch moved the streak (its newest sample was newer than the last one seen), in
    // turn under the service's lock: whichever came last, the newest sample is where it stands.
    expect((await serviceRow(svc.id)).lastSampleAt).toEqual(all[all.length - 1]!.observedAt);
    expect((await dailyRollups(svc.id))[0]).toMatchObject({
      healthy: all.filter((s) => s.status === "healthy").length,
      down: all.filter((s) => s.status === "down").length,
    });
  });

  it("negative control: a read-then-write rollup under the same eight writers loses updates", async () => {
    // The real statement with its protection switched off: each writer adds its counts to the
    // row as its snapshot saw it, not to the row ON CONFLICT locked.
    const svc = await testService();
    const all = mixed(svc.id, "2026-10-04T10:00:00Z", 480);
    rollupTestSwitch.staleCounts = true;
    try {
      await Promise.all(Array.from({ length: 8 }, (_, w) => ingest(all.filter((_, i) => i % 8 === w))));
    } finally {
      rollupTestSwitch.staleCounts = false;
    }
    const rolled = (await hourlyRollups(svc.id)).reduce((n, r) => n + r.healthy + r.degraded + r.down, 0);
    expect(await rollupsFromRaw(svc.id, "hour")).not.toEqual(await hourlyRollups(svc.id));
    expect(rolled).toBeLessThan(all.length);
  });

  it("count samples inside maintenance apart, and a retroactive window rebuilds the days it covers", async () => {
    const svc = await testService({}, new Date(Date.now() - 3 * 86_400_000));
    const base = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 30 * 3_600_000).toISOString();
    const samples = Array.from({ length: 240 }, (_, i) => sample(svc.id, at(base, i), i >= 60 && i < 100 ? "down" : "healthy"));
    await ingest(samples);
    const window = dayWindow("t", "t", base.slice(0, 10), new Date().toISOString().slice(0, 10));
    const before = figuresFor(svc, (await countsByService(window)).get(svc.id)!, window.from, window.to);
    expect(before.counts).toMatchObject({ healthy: 200, down: 40, maintenance: 0 });
    expect(before.uptime).toBeCloseTo((100 * 200) / 240, 10);

    await db.transaction((tx) =>
      createMaintenance(tx, ANONYMOUS, { serviceId: svc.id, startsAt: at(base, 60), endsAt: at(base, 100), reason: "Planned failover" }),
    );
    const after = figuresFor(svc, (await countsByService(window)).get(svc.id)!, window.from, window.to);
    expect(after.counts).toMatchObject({ healthy: 200, down: 0, maintenance: 40 });
    expect(after.uptime).toBe(100);
    // New samples in the window count as maintenance as they arrive.
    await ingest([sample(svc.id, new Date(at(base, 70).getTime() + 1000), "down")]);
    expect((await countsByService(window)).get(svc.id)).toMatchObject({ down: 0, maintenance: 41 });
  });

  it("survive the retention of raw samples", async () => {
    const svc = await testService();
    const old = mixed(svc.id, "2025-01-10T00:00:00Z", 100);
    await ingest(old);
    const rollups = await hourlyRollups(svc.id);
    const [settings] = await db.select().from(availabilitySettings);
    expect(settings!.rawRetentionDays).toBeGreaterThanOrEqual(7);
    expect(await pruneRawSamples(db, 30)).toBeGreaterThanOrEqual(100);
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(availabilitySamples)
      .where(eq(availabilitySamples.serviceId, svc.id));
    expect(left!.n).toBe(0);
    expect(await hourlyRollups(svc.id)).toEqual(rollups);
  });
});

describe("automatic incidents", () => {
  it("open after N consecutive failures and resolve after M successes, with timeline and audit events", async () => {
    const svc = await testService({ failuresToOpen: 3, successesToResolve: 2 });
    const base = "2026-10-05T08:00:00Z";
    const seq = await headSeq();
    await ingest([sample(svc.id, at(base, 0), "healthy"), sample(svc.id, at(base, 1), "down"), sample(svc.id, at(base, 2), "down")]);
    expect(await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id))).toHaveLength(0);

    expect((await ingest([sample(svc.id, at(base, 3), "down")])).transitions).toBe(1);
    const [opened] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id));
    expect(opened).toMatchObject({ source: "auto", startedAt: at(base, 1), detectedAt: at(base, 3), resolvedAt: null, severity: "sev2" });

    await ingest([sample(svc.id, at(base, 4), "healthy")]);
    expect((await serviceRow(svc.id)).consecutiveSuccesses).toBe(1);
    await ingest([sample(svc.id, at(base, 5), "degraded")]);
    const [resolved] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.id, opened!.id));
    expect(resolved!.resolvedAt).toEqual(at(base, 4));

    const timeline = await db
      .select()
      .from(availabilityIncidentUpdates)
      .where(eq(availabilityIncidentUpdates.incidentId, opened!.id))
      .orderBy(availabilityIncidentUpdates.at);
    expect(timeline.map((t) => t.kind)).toEqual(["detected", "recovered"]);
    const events = (await auditEvents({ afterSeq: seq, resourceId: opened!.id })).map((e) => e.action);
    expect(events).toEqual(["availability.incident_opened", "availability.incident_resolved"]);
  });

  it("record the automatic incident's audit events as they always were: a security alert, then a data change", async () => {
    const svc = await testService({ failuresToOpen: 2, successesToResolve: 1 });
    const base = "2026-10-05T12:00:00Z";
    const seq = await headSeq();
    await ingest([sample(svc.id, at(base, 0), "down"), sample(svc.id, at(base, 1), "down"), sample(svc.id, at(base, 2), "healthy")]);
    const [incident] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id));
    const events = await auditEvents({ afterSeq: seq, resourceId: incident!.id });
    expect(
      events.map(({ eventType, action, outcome, resourceType, actorUserId, actorApiKeyId, metadata }) => ({
        eventType,
        action,
        outcome,
        resourceType,
        actorUserId,
        actorApiKeyId,
        metadata,
      })),
    ).toEqual([
      {
        eventType: "security_alert",
        action: "availability.incident_opened",
        outcome: "success",
        resourceType: "availability_incident",
        actorUserId: null,
        actorApiKeyId: null,
        metadata: { service: svc.key, severity: "sev2", startedAt: at(base, 0).toISOString(), source: "auto" },
      },
      {
        eventType: "data_modification",
        action: "availability.incident_resolved",
        outcome: "success",
        resourceType: "availability_incident",
        actorUserId: null,
        actorApiKeyId: null,
        metadata: { service: svc.key, resolvedAt: at(base, 2).toISOString(), source: "auto" },
      },
    ]);
  });

  it("ignore a late failure older than the newest sample", async () => {
    const svc = await testService({ failuresToOpen: 1 });
    const base = "2026-10-06T08:00:00Z";
    await ingest([sample(svc.id, at(base, 10), "healthy")]);
    await ingest([sample(svc.id, at(base, 5), "down")]);
    expect(await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id))).toHaveLength(0);
    // The negative control: the same failure in order opens one.
    await ingest([sample(svc.id, at(base, 11), "down")]);
    expect(
      await db
        .select()
        .from(availabilityIncidents)
        .where(and(eq(availabilityIncidents.serviceId, svc.id))),
    ).toHaveLength(1);
  });

  it("roll back the samples, rollups and incident together when the transaction fails", async () => {
    const svc = await testService({ failuresToOpen: 1 });
    await expect(
      db.transaction(async (tx) => {
        await ingestSamples(tx, SYSTEM_ACTOR, [sample(svc.id, at("2026-10-07T08:00:00Z", 0), "down")], "push");
        throw new Error("caller failed after ingesting");
      }),
    ).rejects.toThrow("caller failed");
    expect(await hourlyRollups(svc.id)).toEqual([]);
    expect(await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id))).toHaveLength(0);
    expect((await serviceRow(svc.id)).lastSampleAt).toBeNull();
  });
});
