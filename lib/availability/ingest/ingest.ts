import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { availabilityIncidents, availabilityMaintenance, availabilityServices } from "@/db/schema";
import { recordAuditEvents, stagingStatement } from "@/lib/audit/append";
import type { AuditActor } from "@/lib/context";
import type { AuditEventInput } from "@/lib/audit/vocabulary";
import { advanceStreak, type IncidentTransition, type StreakSample, type StreakState } from "../incidents/incident-rules";
import { addTimelineEntry, insertIncident, type Author } from "../incidents/incident-store";
import { rollupStatement } from "../rollups/rollup-sql";
import type { SampleStatus, Severity } from "../vocabulary";

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
  audit: AuditEventInput[] = [],
  due?: string[],
): Promise<{ inserted: number; transitions: number }> {
  if (samples.length === 0) return { inserted: 0, transitions: 0 };
  const moving = due ?? servicesDue(samples, await lastSeen(tx, [...new Set(samples.map((s) => s.serviceId))]));
  // Pipelined: postgres.js sends both at once on the transaction's connection, and
  // PostgreSQL runs them in this order.
  const [, inserted] = await Promise.all([
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
  audit: AuditEventInput[],
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

/**
 * Advances the streaks of the services `due` (see servicesDue), which were picked from a
 * first look without locks: late samples (backfills, retries) move no streak, so their
 * batches never queue on the service rows. Each due service is re-read under its lock, so a
 * concurrent batch's newer streak is never overwritten. Returns how many incidents changed.
 */
async function applyStreaks(tx: Transaction, actor: AuditActor, samples: readonly SampleInput[], due: string[]): Promise<number> {
  const times = samples.map((s) => s.observedAt.getTime());
  // Pipelined and run in this order: the reads start once the locks are held, so they see
  // what the batch that held them last committed.
  // Key order, so that concurrent batches for the same services queue instead of deadlocking.
  // NO KEY UPDATE: the samples' foreign keys hold KEY SHARE on these rows, which FOR UPDATE
  // would wait for (two batches, each waiting for the other's inserted samples).
  const [services, windows, open] = await Promise.all([
    tx
      .select()
      .from(availabilityServices)
      .where(inArray(availabilityServices.id, due))
      .orderBy(asc(availabilityServices.id))
      .for("no key update"),
    maintenanceWindows(tx, due, new Date(Math.min(...times)), new Date(Math.max(...times))),
    tx
      .select({ id: availabilityIncidents.id, serviceId: availabilityIncidents.serviceId, source: availabilityIncidents.source })
      .from(availabilityIncidents)
      .where(and(inArray(availabilityIncidents.serviceId, due), isNull(availabilityIncidents.resolvedAt))),
  ]);
  const author: Author = { userId: null, apiKeyId: actor.apiKeyId };
  const events: AuditEventInput[] = [];
  const states: (StreakState & { id: string })[] = [];

  for (const service of services) {
    const newer = samples
      .filter((s) => s.serviceId === service.id && (!service.lastSampleAt || s.observedAt > service.lastSampleAt))
      .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
    if (newer.length === 0) continue;
    const openRow = open.find((o) => o.serviceId === service.id) ?? null;
    const streakSamples: StreakSample[] = newer.map((s) => ({
      observedAt: s.observedAt,
      status: s.status,
      inMaintenance: windows.some(
        (w) => (w.serviceId === null || w.serviceId === service.id) && s.observedAt >= w.startsAt && s.observedAt < w.endsAt,
      ),
    }));
    const next = advanceStreak(
      {
        lastSampleAt: service.lastSampleAt,
        lastStatus: service.lastStatus as SampleStatus | null,
        streakSince: service.streakSince,
        consecutiveFailures: service.consecutiveFailures,
        consecutiveSuccesses: service.consecutiveSuccesses,
      },
      streakSamples,
      { failuresToOpen: service.failuresToOpen, successesToResolve: service.successesToResolve },
      openRow ? (openRow.source === "auto" ? "auto" : "manual") : "none",
    );
    states.push({ id: service.id, ...next.state });
    let openId = openRow?.id ?? null;
    for (const t of next.transitions) {
      const event = await applyTransition(tx, author, service, t, openId);
      openId = t.kind === "open" ? event.resource!.id : null;
      events.push(event);
    }
  }
  await Promise.all([saveStreaks(tx, states), recordAuditEvents(tx, actor, events)]);
  return events.length;
}

/** Every service's new streak in one statement. */
async function saveStreaks(tx: Transaction, states: (StreakState & { id: string })[]) {
  if (states.length === 0) return;
  await tx.execute(sql`
    UPDATE availability_services s
       SET last_sample_at = r.last_sample_at, last_status = r.last_status, streak_since = r.streak_since,
           consecutive_failures = r.consecutive_failures, consecutive_successes = r.consecutive_successes
      FROM jsonb_to_recordset(${JSON.stringify(states.map((st) => ({ id: st.id, last_sample_at: st.lastSampleAt, last_status: st.lastStatus, streak_since: st.streakSince, consecutive_failures: st.consecutiveFailures, consecutive_successes: st.consecutiveSuccesses })))}::jsonb)
        AS r(id uuid, last_sample_at timestamptz, last_status text, streak_since timestamptz, consecutive_failures integer, consecutive_successes integer)
     WHERE s.id = r.id`);
}

async function applyTransition(
  tx: Transaction,
  author: Author,
  service: { id: string; key: string; name: string; weight: number },
  t: IncidentTransition,
  openId: string | null,
): Promise<AuditEventInput> {
  if (t.kind === "open") {
    // The service carrying most of the composite figure pages harder.
    const severity: Severity = service.weight >= 0.3 ? "sev1" : "sev2";
    const id = await insertIncident(tx, author, {
      serviceId: service.id,
      title: `${service.name} is down`,
      severity,
      source: "auto",
      startedAt: t.startedAt,
      detectedAt: t.detectedAt,
      body: `${t.failures} consecutive failed checks since ${t.startedAt.toISOString()}.`,
    });
    return {
      type: "security_alert",
      action: "availability.incident_opened",
      outcome: "success",
      resource: { type: "availability_incident", id },
      metadata: { service: service.key, severity, startedAt: t.startedAt.toISOString(), source: "auto" },
    };
  }
  await tx.update(availabilityIncidents).set({ resolvedAt: t.resolvedAt }).where(eq(availabilityIncidents.id, openId!));
  await addTimelineEntry(
    tx,
    openId!,
    "recovered",
    `${t.successes} consecutive successful checks since ${t.resolvedAt.toISOString()}: resolved automatically.`,
    author,
    t.confirmedAt,
  );
  return {
    type: "data_modification",
    action: "availability.incident_resolved",
    outcome: "success",
    resource: { type: "availability_incident", id: openId! },
    metadata: { service: service.key, resolvedAt: t.resolvedAt.toISOString(), source: "auto" },
  };
}

async function maintenanceWindows(tx: Transaction, serviceIds: string[], from: Date, to: Date) {
  return tx
    .select({
      serviceId: availabilityMaintenance.serviceId,
      startsAt: availabilityMaintenance.startsAt,
      endsAt: availabilityMaintenance.endsAt,
    })
    .from(availabilityMaintenance)
    .where(
      and(
        lte(availabilityMaintenance.startsAt, to),
        gte(availabilityMaintenance.endsAt, from),
        or(isNull(availabilityMaintenance.serviceId), inArray(availabilityMaintenance.serviceId, serviceIds)),
      ),
    );
}
