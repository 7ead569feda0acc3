import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, type Database } from "@/db/client";
import { availabilitySamples, availabilityServices } from "@/db/schema";
import { claimDueProbes, resolveHealthUrl, runDueProbes, type ClaimedProbe, type Claimer } from "./scheduler";
import { testService } from "@/test/availability";

/**
 * Several workers share the probes through PostgreSQL. A real HTTP server counts the checks
 * each service receives; two workers racing over the same due services must check each
 * exactly once per slot. The negative control, a claimer that reads due rows without
 * locking them, checks some twice.
 */
let server: Server;
let base = "";
const hits = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const key = req.url!.split("/")[2]!;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    // Slow enough that both workers are in flight at once.
    const delay = key.startsWith("hang") ? 5_000 : 30;
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok", modelLoaded: true }));
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // Leave nothing due for other files: disable every service this file made probe-able.
  await db
    .update(availabilityServices)
    .set({ enabled: false })
    .where(sql`${availabilityServices.healthUrl} LIKE ${`${base}%`}`);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeDb();
});

async function dueServices(prefix: string, n: number, intervalSeconds = 3600) {
  const made = [];
  for (let i = 0; i < n; i++) {
    const svc = await testService({ intervalSeconds, timeoutMs: 1000 });
    await db
      .update(availabilityServices)
      .set({ healthUrl: `${base}/s/${prefix}${svc.key}`, nextProbeAt: new Date(Date.now() - 1000) })
      .where(eq(availabilityServices.id, svc.id));
    made.push({ ...svc, hitKey: `${prefix}${svc.key}` });
  }
  return made;
}

/** Reads due rows, then moves them, in two statements: two workers can both read a row. */
const naiveClaim: Claimer = async (database: Database, limit: number) => {
  const rows = await database.execute<{
    id: string;
    key: string;
    health_url: string;
    timeout_ms: number;
    degraded_latency_ms: number;
    slot: string;
  }>(sql`
    SELECT id, key, health_url, timeout_ms, degraded_latency_ms, next_probe_at AS slot FROM availability_services
     WHERE enabled AND health_url IS NOT NULL AND next_probe_at <= now() ORDER BY next_probe_at LIMIT ${limit}`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const r of rows)
    await database.execute(sql`UPDATE availability_services SET next_probe_at = now() + interval '1 hour' WHERE id = ${r.id}`);
  return rows.map((r): ClaimedProbe => ({
    serviceId: r.id,
    key: r.key,
    url: r.health_url,
    timeoutMs: r.timeout_ms,
    degradedLatencyMs: r.degraded_latency_ms,
    slot: new Date(r.slot),
  }));
};

async function race(claim: Claimer, rounds: number) {
  const worker = async () => {
    for (let i = 0; i < rounds; i++) await runDueProbes(db, { claim, limit: 5 });
  };
  await Promise.all([worker(), worker()]);
}

describe("probe scheduling across workers", () => {
  it("two workers never probe the same slot twice", async () => {
    const services = await dueServices("locked-", 12);
    await race(claimDueProbes, 4);
    expect(services.map((s) => hits.get(s.hitKey) ?? 0)).toEqual(services.map(() => 1));
    const rows = await db
      .select({ serviceId: availabilitySamples.serviceId })
      .from(availabilitySamples)
      .where(
        inArray(
          availabilitySamples.serviceId,
          services.map((s) => s.id),
        ),
      );
    expect(rows).toHaveLength(12);
    // Each moved to its next slot, one interval on.
    const next = await db
      .select({ at: availabilityServices.nextProbeAt })
      .from(availabilityServices)
      .where(
        inArray(
          availabilityServices.id,
          services.map((s) => s.id),
        ),
      );
    for (const n of next) expect(n.at.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it("negative control: without the lock, some slots are probed twice", async () => {
    const services = await dueServices("naive-", 12);
    await race(naiveClaim, 4);
    const counts = services.map((s) => hits.get(s.hitKey) ?? 0);
    expect(counts.some((n) => n > 1)).toBe(true);
  });

  it("skips missed slots instead of probing them late (they stay unknown)", async () => {
    const [svc] = await dueServices("behind-", 1, 60);
    // Ten minutes behind, as after a worker outage.
    const behind = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000);
    await db.update(availabilityServices).set({ nextProbeAt: behind }).where(eq(availabilityServices.id, svc!.id));
    const round = await runDueProbes(db, { limit: 50 });
    expect(round.results.filter((r) => r.key === svc!.key)).toHaveLength(1);
    const [row] = await db
      .select({ at: availabilityServices.nextProbeAt })
      .from(availabilityServices)
      .where(eq(availabilityServices.id, svc!.id));
    expect(row!.at.getTime()).toBeGreaterThan(Date.now());
    expect(row!.at.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect((row!.at.getTime() - behind.getTime()) % 60_000).toBe(0);
  });

  it("records a probe timeout as a down sample and finishes the round", async () => {
    const [svc] = await dueServices("hang-", 1);
    await db.update(availabilityServices).set({ timeoutMs: 300 }).where(eq(availabilityServices.id, svc!.id));
    const round = await runDueProbes(db, { limit: 50 });
    expect(round.results.find((r) => r.key === svc!.key)?.result).toEqual({
      status: "down",
      latencyMs: null,
      details: { error: "no answer within 300 ms" },
    });
    const [row] = await db.select().from(availabilitySamples).where(eq(availabilitySamples.serviceId, svc!.id));
    expect(row).toMatchObject({ status: "down", source: "probe", latencyMs: null });
  });
});

describe("resolveHealthUrl", () => {
  it("resolves a path against this instance and leaves full URLs alone", () => {
    expect(resolveHealthUrl("/api/simulated/inference_api", "http://127.0.0.1:4000")).toBe(
      "http://127.0.0.1:4000/api/simulated/inference_api",
    );
    expect(resolveHealthUrl("https://api.example.com/health", "http://127.0.0.1:4000")).toBe("https://api.example.com/health");
  });
});
