import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { isRetryableConflict } from "@/db/errors";
import { availabilityServices } from "@/db/schema";
import { withTransaction } from "@/lib/actions/with-transaction";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { addDays, MINUTE_MS } from "@/lib/time";
import type { PushedBatch } from "../schemas";
import { availabilityAudit } from "../vocabulary";
import { ingestLateSamples, ingestSamples, servicesDue, type SampleInput } from "./ingest";

/** Clocks drift: a sample up to this far in the future is accepted, later ones are refused. */
const FUTURE_SKEW_MS = 5 * MINUTE_MS;
/** Tries of a batch that PostgreSQL aborted as a deadlock or serialization failure. */
const ATTEMPTS = 4;

/**
 * Samples a service pushes itself (POST /api/v1/availability/samples). The whole batch is
 * checked before anything is written and then recorded in one transaction, all or nothing.
 * Out of order is fine (rollups add up in any order; streaks only move forward); a slot
 * already recorded is skipped and counted as a duplicate.
 */
export async function ingestPushedBatch(ctx: RequestContext, batch: PushedBatch, now: Date = new Date()) {
  const keys = [...new Set(batch.samples.map((s) => s.service))];
  // One round trip for the services, where their streaks stand, and the retention period.
  const services = await db
    .select({
      id: availabilityServices.id,
      key: availabilityServices.key,
      lastSampleAt: availabilityServices.lastSampleAt,
      retentionDays: sql<number>`(SELECT raw_retention_days FROM availability_settings WHERE id = 1)`,
    })
    .from(availabilityServices)
    .where(inArray(availabilityServices.key, keys));
  const idByKey = new Map(services.map((s) => [s.key, s.id]));
  const unknown = keys.filter((k) => !idByKey.has(k));
  if (unknown.length > 0)
    throw batchError(
      `Unknown service ${unknown.join(", ")}: register it in Assay first.`,
      batch.samples.map((s) => unknown.includes(s.service)),
      "service",
    );

  // Each time is parsed once: the checks and the insert read the same Dates.
  const samples: SampleInput[] = batch.samples.map((s) => ({
    serviceId: idByKey.get(s.service)!,
    observedAt: new Date(s.observedAt),
    status: s.status,
    latencyMs: s.latencyMs ?? null,
    details: s.details ?? null,
  }));
  const oldest = addDays(now, -(services[0]?.retentionDays ?? 35)).getTime();
  const tooNew = samples.map((s) => s.observedAt.getTime() > now.getTime() + FUTURE_SKEW_MS);
  const tooOld = samples.map((s) => s.observedAt.getTime() < oldest);
  if (tooNew.includes(true))
    throw batchError("A sample is in the future (more than 5 minutes ahead of Assay's clock).", tooNew, "observedAt");
  if (tooOld.includes(true))
    throw batchError(`A sample is older than the raw retention period (before ${new Date(oldest).toISOString()}).`, tooOld, "observedAt");

  const times = samples.map((s) => s.observedAt.getTime());
  const audit = availabilityAudit.event("availability.samples_pushed", {
    resource: { type: "availability_samples", id: null },
    metadata: {
      samples: samples.length,
      services: keys.sort(),
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
    },
  });
  // A batch that moves no service's streak (a backfill, a retry) needs no lock and so no
  // transaction: one autocommit statement records it with its audit event, and today's
  // rollup rows stay locked for that statement alone. Rollup and service rows are locked in
  // key order, but two batches can still meet in the samples' unique index; PostgreSQL then
  // aborts one, and running it again is safe: nothing of it was committed.
  const actor = auditActor(ctx);
  const due = servicesDue(samples, services);
  const result =
    due.length === 0
      ? await retryConflicts(() => ingestLateSamples(actor, samples, "push", [audit]))
      : await withTransaction(ctx, (tx) => ingestSamples(tx, actor, samples, "push", [audit], due), { retries: ATTEMPTS - 1 });
  return {
    accepted: samples.length,
    inserted: result.inserted,
    duplicates: samples.length - result.inserted,
    incidentChanges: result.transitions,
  };
}

/** A 400 naming up to 20 of the samples (by position) flagged `bad`. */
function batchError(message: string, bad: boolean[], field: string): AppError {
  const fieldErrors: Record<string, string[]> = {};
  bad.forEach((flagged, i) => {
    if (flagged && Object.keys(fieldErrors).length < 20) fieldErrors[`samples.${i}.${field}`] = [message];
  });
  return new AppError("validation", `${message} Nothing was recorded.`, { fieldErrors });
}

/** The autocommit statement's own retry (withTransaction retries only what it runs in a transaction). */
async function retryConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= ATTEMPTS || !isRetryableConflict(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * i + Math.random() * 10));
    }
  }
}
