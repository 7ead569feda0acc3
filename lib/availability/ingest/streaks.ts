import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pipelined } from "@/db/pipeline";
import { availabilityIncidents, availabilityMaintenance, availabilityServices } from "@/db/schema";
import { recordAuditEvents } from "@/lib/audit/service";
import type { AuditEvent } from "@/lib/audit/vocabulary";
import type { AuditActor } from "@/lib/context";
import { advanceStreak, type IncidentTransition, type StreakSample, type StreakState } from "../incidents/incident-rules";
import { addTimelineEntry, insertIncident, type Author } from "../incidents/incident-store";
import { availabilityAudit, type SampleStatus, type Severity } from "../vocabulary";
import type { SampleInput } from "./ingest";

/**
 * Advances the streaks of the services `due` (see servicesDue), which were picked from a
 * first look without locks: late samples (backfills, retries) move no streak, so their
 * batches never queue on the service rows. Each due service is re-read under its lock, so a
 * concurrent batch's newer streak is never overwritten. Returns how many incidents changed.
 */
export async function applyStreaks(tx: Transaction, actor: AuditActor, samples: readonly SampleInput[], due: string[]): Promise<number> {
  const times = samples.map((s) => s.observedAt.getTime());
  // Pipelined and run in this order: the reads start once the locks are held, so they see
  // what the batch that held them last committed.
  // Key order, so that concurrent batches for the same services queue instead of deadlocking.
  // NO KEY UPDATE: the samples' foreign keys hold KEY SHARE on these rows, which FOR UPDATE
  // would wait for (two batches, each waiting for the other's inserted samples).
  const [services, windows, open] = await pipelined(tx, [
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
  const events: AuditEvent[] = [];
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
  await pipelined(tx, [saveStreaks(tx, states), recordAuditEvents(tx, actor, events)]);
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
): Promise<AuditEvent> {
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
    return availabilityAudit.event("availability.incident_opened", {
      type: "security_alert",
      resource: { type: "availability_incident", id },
      metadata: { service: service.key, severity, startedAt: t.startedAt.toISOString(), source: "auto" },
    });
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
  return availabilityAudit.event("availability.incident_resolved", {
    resource: { type: "availability_incident", id: openId! },
    metadata: { service: service.key, resolvedAt: t.resolvedAt.toISOString(), source: "auto" },
  });
}

function maintenanceWindows(tx: Transaction, serviceIds: string[], from: Date, to: Date) {
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
