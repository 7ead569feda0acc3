import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { availabilitySamples } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/service";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { POST } from "@/app/api/v1/availability/samples/route";
import { SYSTEM_ACTOR } from "@/lib/context";
import { ingestLateSamples } from "@/lib/availability/ingest/ingest";
import { availabilityAudit } from "@/lib/availability/vocabulary";
import { hourlyRollups, sample, serviceRow, testService } from "@/test/availability";

/** POST /api/v1/availability/samples: services push their own health samples in batches. */
let writer = "";
let writerId = "";
let other = "";
beforeAll(async () => {
  const admin = await signedInContext(await insertUser(["admin"]));
  const w = await db.transaction((tx) =>
    createApiKey(tx, admin, { name: "availability push", scopes: ["availability:write"], ratePerMinute: 10_000, ratePerDay: 100_000 }),
  );
  writer = w.token;
  writerId = w.id;
  other = (
    await db.transaction((tx) =>
      createApiKey(tx, admin, { name: "no availability", scopes: ["audit:read"], ratePerMinute: 10_000, ratePerDay: 100_000 }),
    )
  ).token;
});
afterAll(closeDb);

const post = (token: string | null, body: unknown) =>
  POST(
    new Request("http://127.0.0.1/api/v1/availability/samples", {
      method: "POST",
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const rowsOf = async (serviceId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(availabilitySamples)
      .where(eq(availabilitySamples.serviceId, serviceId))
  )[0]!.n;

describe("POST /api/v1/availability/samples", () => {
  it("refuses a missing key, a bad key and a key without availability:write, writing nothing", async () => {
    const svc = await testService();
    const body = { samples: [{ service: svc.key, observedAt: minutesAgo(1), status: "healthy", latencyMs: 20 }] };
    expect((await post(null, body)).status).toBe(401);
    expect((await post("assay_nope_notakey", body)).status).toBe(401);
    expect((await post(other, body)).status).toBe(403);
    expect(await rowsOf(svc.id)).toBe(0);
  });

  it("records a batch, its rollups and one audit event by the key", async () => {
    const svc = await testService();
    const seq = await headSeq();
    const samples = Array.from({ length: 20 }, (_, i) => ({
      service: svc.key,
      observedAt: minutesAgo(30 - i),
      status: i === 3 ? "degraded" : "healthy",
      latencyMs: 20 + i,
      details: { gpuAvailable: true, queueDepth: i },
    }));
    const res = await post(writer, { samples });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ accepted: 20, inserted: 20, duplicates: 0, incidentChanges: 0 });
    expect(await rowsOf(svc.id)).toBe(20);
    const rollups = await hourlyRollups(svc.id);
    expect(rollups.reduce((n, r) => n + r.healthy + r.degraded, 0)).toBe(20);
    const events = await auditEvents({ afterSeq: seq, actorApiKeyId: writerId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "availability.samples_pushed", metadata: { samples: 20, services: [svc.key] } });
  });

  it("accepts samples out of order and counts repeats as duplicates without double counting", async () => {
    const svc = await testService();
    const a = { service: svc.key, observedAt: minutesAgo(5), status: "healthy", latencyMs: 30 };
    const b = { service: svc.key, observedAt: minutesAgo(10), status: "down", latencyMs: null };
    expect(await (await post(writer, { samples: [a] })).json()).toMatchObject({ inserted: 1, duplicates: 0 });
    expect(await (await post(writer, { samples: [b, a] })).json()).toMatchObject({ inserted: 1, duplicates: 1 });
    const rollups = await hourlyRollups(svc.id);
    expect(rollups.reduce((n, r) => n + r.healthy, 0)).toBe(1);
    expect(rollups.reduce((n, r) => n + r.down, 0)).toBe(1);
  });

  it("answers 400 with a problem body naming the bad sample, and writes none of the batch", async () => {
    const svc = await testService();
    const good = { service: svc.key, observedAt: minutesAgo(2), status: "healthy", latencyMs: 10 };
    const cases: [unknown, RegExp][] = [
      [{ samples: [good, { ...good, observedAt: minutesAgo(1), status: "sleepy" }] }, /samples\.1\.status/],
      [{ samples: [good, { ...good, observedAt: "yesterday" }] }, /samples\.1\.observedAt/],
      [{ samples: [good, { ...good, observedAt: minutesAgo(1), latencyMs: -5 }] }, /samples\.1\.latencyMs/],
      [{ samples: [] }, /at least one sample/],
      [{ samples: [good], extra: true }, /extra/i],
      [{ samples: [good, { ...good, service: "no_such_service" }] }, /Unknown service no_such_service/],
      [{ samples: [good, { ...good, observedAt: new Date(Date.now() + 3_600_000).toISOString() }] }, /in the future/],
      [{ samples: [good, { ...good, observedAt: "2020-01-01T00:00:00Z" }] }, /older than the raw retention/],
      ["{not json", /JSON/i],
    ];
    for (const [body, message] of cases) {
      const res = await post(writer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
    expect(await rowsOf(svc.id)).toBe(0);
    expect(await hourlyRollups(svc.id)).toEqual([]);
  });

  it("refuses more than 1,000 samples in one request", async () => {
    const svc = await testService();
    const samples = Array.from({ length: 1001 }, (_, i) => ({
      service: svc.key,
      observedAt: new Date(Date.now() - (i + 1) * 1000).toISOString(),
      status: "healthy",
    }));
    const res = await post(writer, { samples });
    expect(res.status).toBe(400);
    expect(await rowsOf(svc.id)).toBe(0);
  });

  it("records a late batch (older than the service's last sample) without moving its streak, with its audit event", async () => {
    const svc = await testService({ failuresToOpen: 3 });
    expect(
      await (await post(writer, { samples: [{ service: svc.key, observedAt: minutesAgo(1), status: "healthy", latencyMs: 12 }] })).json(),
    ).toMatchObject({ inserted: 1 });
    const streak = await serviceRow(svc.id);
    const seq = await headSeq();
    // Three failures in a row, but all before the last sample: a backfill, not an outage now.
    const late = [40, 39, 38].map((m) => ({ service: svc.key, observedAt: minutesAgo(m), status: "down" }));
    expect(await (await post(writer, { samples: late })).json()).toEqual({ accepted: 3, inserted: 3, duplicates: 0, incidentChanges: 0 });
    expect(await serviceRow(svc.id)).toEqual(streak);
    expect(await rowsOf(svc.id)).toBe(4);
    expect((await hourlyRollups(svc.id)).reduce((n, r) => n + r.down, 0)).toBe(3);
    const events = await auditEvents({ afterSeq: seq, actorApiKeyId: writerId });
    expect(events.map((e) => e.action)).toEqual(["availability.samples_pushed"]);
    expect(events[0]!.metadata).toMatchObject({ samples: 3, services: [svc.key] });
  });

  it("records a late batch in one statement: when it fails, no sample, rollup or audit event remains", async () => {
    const svc = await testService();
    const seq = await headSeq();
    // A latency the table's check refuses (the route's validation would have stopped it first).
    const bad = [
      sample(svc.id, new Date(Date.now() - 60_000), "healthy", 20),
      sample(svc.id, new Date(Date.now() - 30_000), "healthy", 4_000_000),
    ];
    const audit = availabilityAudit.event("availability.samples_pushed", {
      resource: { type: "availability_samples", id: null },
      metadata: { samples: 2, services: [svc.key], from: bad[0]!.observedAt.toISOString(), to: bad[1]!.observedAt.toISOString() },
    });
    await expect(ingestLateSamples(SYSTEM_ACTOR, bad, "push", [audit])).rejects.toMatchObject({ cause: { code: "23514" } });
    // And when the event cannot be chained (at the statement's commit), the samples go too.
    const unchainable = { ...SYSTEM_ACTOR, userId: "not-a-uuid" }; // the actor_user_id projection cannot cast it
    await expect(ingestLateSamples(unchainable, [bad[0]!], "push", [audit])).rejects.toMatchObject({ cause: { code: "22P02" } });
    expect(await rowsOf(svc.id)).toBe(0);
    expect(await hourlyRollups(svc.id)).toEqual([]);
    expect(await headSeq()).toBe(seq);
    // The negative control: the same call with a valid latency records both, and the event.
    await ingestLateSamples(SYSTEM_ACTOR, [bad[0]!, { ...bad[1]!, latencyMs: 40 }], "push", [audit]);
    expect(await rowsOf(svc.id)).toBe(2);
    expect((await hourlyRollups(svc.id)).reduce((n, r) => n + r.healthy, 0)).toBe(2);
    expect(await headSeq()).toBeGreaterThan(seq);
  });

  it("opens an incident when pushed failures cross the threshold", async () => {
    const svc = await testService({ failuresToOpen: 3 });
    const samples = [3, 2, 1].map((m) => ({ service: svc.key, observedAt: minutesAgo(m), status: "down" }));
    expect(await (await post(writer, { samples })).json()).toMatchObject({ inserted: 3, incidentChanges: 1 });
  });
});
