import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { pipelined } from "@/db/pipeline";
import { availabilityServices } from "@/db/schema";
import { recordAuditEvents, stagingStatement } from "@/lib/audit/service";
import type { AuditActor } from "@/lib/context";
import type { AuditEvent } from "@/lib/audit/vocabulary";
import { rollupStatement } from "../rollups/rollup-sql";
import type { SampleStatus } from "../vocabulary";
import { applyStreaks } from "./streaks";

export type SampleInput = {
  serviceId: string;
  observedAt: Date;
  status: SampleStatus;
  latencyMs: number | null;
  details: Record<string, unknown> | null;
};

export type SampleSource = "probe" | "push" | "seed";

/** Where a service's streak stood when last read (without a lock; see applyStreaks). */
export type LastSeen = { id: string; lastSampleAt: Date | null };

/**
 * Records samples, the rollups and the incidents they imply, in the caller's transaction:
 * 1. the caller's audit events are staged (chained at commit) and, in the same round trip,
 *    one statement inserts the samples (a slot already recorded is skipped) and adds the
 *    inserted ones to the hourly and daily rollups (rollup-sql.ts);
 * 2. each service's streak advances over its samples newer than its last one, opening or
 *    resolving automatic incidents (incident-rules.ts), under the service row's lock.
 * Both steps lock rows that concurrent batches share: today's rollups, and the service rows
 * of batches that move a streak. Every batch takes them in this order (rollups first, each
 * in key order), so batches queue rather than deadlock; and the streak step, which holds a
 * service row until commit, is the short one, so a batch moving the same streak waits for
 * three round trips rather than for a whole insert.
 * `due`: servicesDue() of the batch if the caller has already worked it out (saves a query).
 */
export async function ingestSamples(
  tx: Transaction,
  actor: AuditActor,
  samples: readonly SampleInput[],
  source: SampleSource,
  audit: AuditEvent[] = [],
  due?: string[],
): Promise<{ inserted: number; transitions: number }> {
  if (samples.length === 0) return { inserted: 0, transitions: 0 };
  const moving = due ?? servicesDue(samples, await lastSeen(tx, [...new Set(samples.map((s) => s.serviceId))]));
  const [, inserted] = await pipelined(tx, [
    recordAuditEvents(tx, actor, audit),
    tx.execute<{ samples: number }>(insertAndRollUp(samples, source)),
  ]);
  const transitions = moving.length > 0 ? await applyStreaks(tx, actor, samples, moving) : 0;
  return { inserted: inserted[0]?.samples ?? 0, transitions };
}

/**
 * Samples that move no streak (`servicesDue` found none: each is no newer than its service's
 * last sample, which only ever moves forward, so no lock is needed to know it), recorded
 * with the caller's audit events by one autocommit statement that stages the events, inserts
 * and rolls up. Its own commit chains the events, and today's rollup rows stay locked for
 * that statement alone rather than across round trips to this process.
 */
export async function ingestLateSamples(
  actor: AuditActor,
  samples: readonly SampleInput[],
  source: SampleSource,
  audit: AuditEvent[],
): Promise<{ inserted: number; transitions: 0 }> {
  if (samples.length === 0) return { inserted: 0, transitions: 0 };
  const [row] = await db.execute<{ samples: number }>(insertAndRollUp(samples, source, stagingStatement(actor, audit).statement));
  return { inserted: row?.samples ?? 0, transitions: 0 };
}

/** The services (in key order) whose streak the samples move: a sample is newer than their last one as `seen`. */
export function servicesDue(samples: readonly SampleInput[], seen: LastSeen[]): string[] {
  const newest = new Map<string, number>();
  for (const s of samples) newest.set(s.serviceId, Math.max(newest.get(s.serviceId) ?? 0, s.observedAt.getTime()));
  return seen
    .filter((s) => newest.has(s.id) && (!s.lastSampleAt || newest.get(s.id)! > s.lastSampleAt.getTime()))
    .map((s) => s.id)
    .sort();
}

async function lastSeen(tx: Transaction, ids: string[]): Promise<LastSeen[]> {
  return tx
    .select({ id: availabilityServices.id, lastSampleAt: availabilityServices.lastSampleAt })
    .from(availabilityServices)
    .where(inArray(availabilityServices.id, ids));
}

/**
 * The batch travels as a few compact arrays (service index, epoch milliseconds, status,
 * latency) rather than one JSON object per sample: a fifth of the bytes, and far less work
 * for Node and PostgreSQL to build and parse. Details, usually absent, go as one JSON object
 * keyed by position.
 */
function insertAndRollUp(samples: readonly SampleInput[], source: SampleSource, alongside?: SQL): SQL {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const svc: number[] = [];
  const ms: number[] = [];
  const status: string[] = [];
  const latency: string[] = [];
  const details: Record<number, Record<string, unknown>> = {};
  samples.forEach((s, i) => {
    let at = index.get(s.serviceId);
    if (at === undefined) {
      at = ids.push(s.serviceId);
      index.set(s.serviceId, at);
    }
    svc.push(at);
    ms.push(s.observedAt.getTime());
    status.push(s.status);
    latency.push(s.latencyMs === null ? "NULL" : String(s.latencyMs));
    if (s.details) details[i + 1] = s.details;
  });
  const array = (items: (string | number)[]) => `{${items.join(",")}}`;
  return rollupStatement(
    sql`
      INSERT INTO availability_samples (service_id, observed_at, status, latency_ms, details, source)
      SELECT (${array(ids)}::uuid[])[r.svc], timestamptz 'epoch' + r.ms * interval '1 millisecond', r.status, r.latency,
             ${JSON.stringify(details)}::jsonb -> r.ord::text, ${source}
        FROM unnest(${array(svc)}::integer[], ${array(ms)}::bigint[], ${array(status)}::text[], ${array(latency)}::integer[]) WITH ORDINALITY AS r(svc, ms, status, latency, ord)
      ON CONFLICT (service_id, observed_at) DO NOTHING
      RETURNING service_id, observed_at, status, latency_ms`,
    alongside,
  );
}
