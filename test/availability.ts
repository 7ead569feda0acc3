import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { availabilityDaily, availabilityHourly, availabilityServices } from "@/db/schema";
import { ANONYMOUS } from "@/lib/context";
import type { SampleInput } from "@/lib/availability/ingest/ingest";
import { createService, type NewService } from "@/lib/availability/service";
import { latencyBucket } from "@/lib/availability/sla/sla-math";
import { HISTOGRAM_SIZE } from "@/lib/availability/vocabulary";

/** Helpers for the availability service tests (files share one database: keys are unique). */
export async function testService(overrides: Partial<NewService> = {}, createdAt = new Date("2026-01-01T00:00:00Z")) {
  const key = `t_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  return db.transaction((tx) =>
    createService(tx, ANONYMOUS, {
      key,
      name: `Test ${key}`,
      description: "",
      weight: 0.1,
      slaTarget: 99.9,
      healthUrl: null,
      intervalSeconds: 30,
      timeoutMs: 1000,
      degradedLatencyMs: 100,
      failuresToOpen: 3,
      successesToResolve: 2,
      createdAt,
      ...overrides,
    }),
  );
}

export const sample = (serviceId: string, observedAt: Date, status: SampleInput["status"], latencyMs: number | null = 40): SampleInput => ({
  serviceId,
  observedAt,
  status,
  latencyMs,
  details: null,
});

type Rollup = {
  bucket: string;
  healthy: number;
  degraded: number;
  down: number;
  maintenance: number;
  latencySum: number;
  latencyCount: number;
  latencyHist: number[];
};

export async function hourlyRollups(serviceId: string): Promise<Rollup[]> {
  const rows = await db
    .select()
    .from(availabilityHourly)
    .where(eq(availabilityHourly.serviceId, serviceId))
    .orderBy(availabilityHourly.hour);
  return rows.map(({ hour, healthy, degraded, down, maintenance, latencySum, latencyCount, latencyHist }) => ({
    bucket: hour.toISOString(),
    healthy,
    degraded,
    down,
    maintenance,
    latencySum,
    latencyCount,
    latencyHist,
  }));
}

export async function dailyRollups(serviceId: string): Promise<Rollup[]> {
  const rows = await db.select().from(availabilityDaily).where(eq(availabilityDaily.serviceId, serviceId)).orderBy(availabilityDaily.day);
  return rows.map(({ day, healthy, degraded, down, maintenance, latencySum, latencyCount, latencyHist }) => ({
    bucket: day,
    healthy,
    degraded,
    down,
    maintenance,
    latencySum,
    latencyCount,
    latencyHist,
  }));
}

/**
 * The rollups recomputed independently from the raw table: counts in SQL, histograms in
 * Node with latencyBucket (not the SQL width_bucket the real path uses). Maintenance windows
 * are not considered: callers compare services without any.
 */
export async function rollupsFromRaw(serviceId: string, grain: "hour" | "day"): Promise<Rollup[]> {
  const rows = await db.execute<{ at: string; status: string; latency_ms: number | null }>(
    sql`SELECT observed_at AS at, status, latency_ms FROM availability_samples WHERE service_id = ${serviceId} ORDER BY observed_at`,
  );
  const map = new Map<string, Rollup>();
  for (const r of rows) {
    const iso = new Date(r.at).toISOString();
    const bucket = grain === "hour" ? `${iso.slice(0, 13)}:00:00.000Z` : iso.slice(0, 10);
    const row = map.get(bucket) ?? {
      bucket,
      healthy: 0,
      degraded: 0,
      down: 0,
      maintenance: 0,
      latencySum: 0,
      latencyCount: 0,
      latencyHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
    };
    row[r.status as "healthy" | "degraded" | "down"] += 1;
    if (r.status !== "down" && r.latency_ms !== null) {
      row.latencySum += r.latency_ms;
      row.latencyCount += 1;
      row.latencyHist[latencyBucket(r.latency_ms)]! += 1;
    }
    map.set(bucket, row);
  }
  return [...map.values()];
}

export async function serviceRow(id: string) {
  const [row] = await db.select().from(availabilityServices).where(eq(availabilityServices.id, id));
  return row!;
}
