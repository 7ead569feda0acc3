import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { availabilitySamples, availabilityServices } from "@/db/schema";
import { claimDueProbes, dueProbeClaimer, resolveHealthUrl, runDueProbes, type ClaimedProbe, type Claimer } from "./scheduler";
import { testService } from "@/test/availability";

/**
 * Several workers share the probes through PostgreSQL. A real HTTP server counts the checks
 * each service receives; two workers racing over the same due services must check each
 * exactly once per slot. The negative control switches the claim's row locks off
 * (dueProbeClaimer({ lockDue: false })): two workers whose claims overlap then check the same
 * slots twice.
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

/**
 * Two workers whose claims overlap, every time: the first claims inside a transaction that
 * stays open while the second claims, then commits; each then probes what it claimed.
 */
async function overlappingWorkers(claim: Claimer) {
  let second: Promise<ClaimedProbe[]> | undefined;
  const first = await db.transaction(async (tx) => {
    const mine = await claim(tx, 50);
    second = claim(db, 50);
    // Long enough for the second claim to reach the rows the first one holds.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return mine;
  });
  const theirs = await second!;
  for (const claimed of [first, theirs]) await runDueProbes(db, { claim: async () => claimed, limit: 50 });
}

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

  it("two workers whose claims overlap probe each slot once: the second skips the rows the first holds", async () => {
    const services = await dueServices("overlap-", 3);
    await overlappingWorkers(claimDueProbes);
    expect(services.map((s) => hits.get(s.hitKey) ?? 0)).toEqual(services.map(() => 1));
  });

  it("negative control: without the lock, some slots are probed twice", async () => {
    // The real claim statement with its row locks switched off, in the same overlap.
    const services = await dueServices("naive-", 3);
    await overlappingWorkers(dueProbeClaimer({ lockDue: false }));
    const counts = services.map((s) => hits.get(s.hitKey) ?? 0);
    expect(counts.some((n) => n > 1)).toBe(true);
    expect(counts).toEqual(services.map(() => 2));
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
