import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/context";
import { ingestSamples, type SampleInput } from "../ingest/ingest";
import { probe, type ProbeResult, type ProbeTarget } from "./probe";

/**
 * The probe schedule. Each service has a `next_probe_at` slot; a worker claims due services
 * with FOR NO KEY UPDATE SKIP LOCKED (FOR UPDATE's sibling that ignores the key-share locks
 * of samples being inserted for the service) and moves each to its next future slot in the same statement,
 * so any number of workers share the work and no slot is claimed twice. The sample is
 * recorded at its slot time, which the samples' primary key also keeps unique. A worker
 * that falls behind skips to the next slot: missed slots stay unknown, never filled in.
 */
export type ClaimedProbe = ProbeTarget & { serviceId: string; key: string; slot: Date };
export type Claimer = (db: Executor, limit: number) => Promise<ClaimedProbe[]>;

/**
 * The claim statement. `lockDue: false` is for the negative control only
 * (scheduler.service.test.ts): the same statement without its row locks, with which two
 * workers can claim one slot.
 */
export function dueProbeClaimer({ lockDue = true }: { lockDue?: boolean } = {}): Claimer {
  return async (db, limit) => {
    const rows = await db.execute<{
      id: string;
      key: string;
      health_url: string;
      timeout_ms: number;
      degraded_latency_ms: number;
      slot: string;
    }>(sql`
    WITH due AS (
      SELECT id, next_probe_at AS slot FROM availability_services
       WHERE enabled AND health_url IS NOT NULL AND next_probe_at <= now()
       ORDER BY next_probe_at
       LIMIT ${limit}
       ${lockDue ? sql`FOR NO KEY UPDATE SKIP LOCKED` : sql``}
    )
    UPDATE availability_services s
       SET next_probe_at = due.slot + make_interval(secs => s.interval_seconds * (floor(extract(epoch FROM now() - due.slot) / s.interval_seconds) + 1))
      FROM due
     WHERE s.id = due.id
    RETURNING s.id, s.key, s.health_url, s.timeout_ms, s.degraded_latency_ms, due.slot`);
    return rows.map((r) => ({
      serviceId: r.id,
      key: r.key,
      url: resolveHealthUrl(r.health_url),
      timeoutMs: r.timeout_ms,
      degradedLatencyMs: r.degraded_latency_ms,
      slot: new Date(r.slot),
    }));
  };
}

export const claimDueProbes: Claimer = dueProbeClaimer();

/** A path is served by this Assay instance: the demo's simulated services. */
export function resolveHealthUrl(url: string, self = process.env.ASSAY_SELF_URL ?? `http://127.0.0.1:${process.env.PORT || 3000}`): string {
  return url.startsWith("/") ? new URL(url, self).toString() : url;
}

export type ProbeRound = { probed: number; inserted: number; results: { key: string; slot: Date; result: ProbeResult }[] };

/** Claims what is due, probes it concurrently, and records the round in one transaction. */
export async function runDueProbes(
  db: Database,
  options: { limit?: number; claim?: Claimer; fetchImpl?: typeof fetch } = {},
): Promise<ProbeRound> {
  const claimed = await (options.claim ?? claimDueProbes)(db, options.limit ?? 25);
  if (claimed.length === 0) return { probed: 0, inserted: 0, results: [] };
  const results = await Promise.all(claimed.map(async (c) => ({ claim: c, result: await probe(c, { fetch: options.fetchImpl }) })));
  const samples: SampleInput[] = results.map(({ claim, result }) => ({
    serviceId: claim.serviceId,
    observedAt: claim.slot,
    status: result.status,
    latencyMs: result.latencyMs,
    details: result.details,
  }));
  const { inserted } = await db.transaction((tx) => ingestSamples(tx, SYSTEM_ACTOR, samples, "probe"));
  return { probed: claimed.length, inserted, results: results.map(({ claim, result }) => ({ key: claim.key, slot: claim.slot, result })) };
}
