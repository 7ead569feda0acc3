import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { availabilityServices } from "@/db/schema";
import { auditActor, type RequestContext } from "@/lib/context";
import { pgErrorCode } from "@/lib/controls/pg-errors";
import { AppError } from "@/lib/errors";
import { ingestLateSamples, ingestSamples, servicesDue, type SampleInput } from "./ingest";
import type { PushedBatch } from "../schemas";

/** Clocks drift: a sample up to this far in the future is accepted, later ones are refused. */
const FUTURE_SKEW_MS = 5 * 60_000;

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
  const oldest = now.getTime() - (services[0]?.retentionDays ?? 35) * 86_400_000;
  const tooNew = samples.map((s) => s.observedAt.getTime() > now.getTime() + FUTURE_SKEW_MS);
  const tooOld = samples.map((s) => s.observedAt.getTime() < oldest);
  if (tooNew.includes(true))
    throw batchError("A sample is in the future (more than 5 minutes ahead of Assay's clock).", tooNew, "observedAt");
  if (tooOld.includes(true))
    throw batchError(`A sample is older than the raw retention period (before ${new Date(oldest).toISOString()}).`, tooOld, "observedAt");

  const times = samples.map((s) => s.observedAt.getTime());
  const audit = {
    type: "data_modification" as const,
    action: "availability.samples_pushed",
    outcome: "success" as const,
    resource: { type: "availability_samples", id: null },
    metadata: {
      samples: samples.length,
      services: keys.sort(),
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
    },
  };
  // A batch that moves no service's streak (a backfill, a retry) needs no lock and so no
  // transaction: one statement records it with its audit event.
  const actor = auditActor(ctx);
  const due = servicesDue(samples, services);
  const result = await withDeadlockRetry(() =>
    due.length === 0
      ? ingestLateSamples(actor, samples, "push", [audit])
      : db.transaction((tx) => ingestSamples(tx, actor, samples, "push", [audit], due)),
  );
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

/**
 * Rollup rows and service rows are locked in key order, but two batches can still meet in
 * the samples' unique index; PostgreSQL then aborts one. Retrying it is safe: nothing of it
 * was committed.
 */
export async function withDeadlockRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = pgErrorCode(err);
      if (i >= attempts || (code !== "40P01" && code !== "40001")) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * i + Math.random() * 10));
    }
  }
}
