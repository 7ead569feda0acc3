import { eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { OUTAGES, type Outage } from "./availability-outages";
import { generateSamples } from "./availability-samples";
import { availabilityIncidents, availabilityServices, users } from "../schema";
import { SYSTEM_ACTOR, ANONYMOUS, type RequestContext } from "@/lib/context";
import { recordAudit } from "@/lib/audit/service";
import { addTimelineEntry, createMaintenance, createService, insertIncident } from "@/lib/availability/service";
import { availabilityAudit, DEFAULT_SERVICES } from "@/lib/availability/vocabulary";
import { addDays, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "@/lib/time";

/**
 * Demo availability data: the five services, 90 days of 30-second samples generated in
 * PostgreSQL (about 1.3 million rows, rolled up by the same statement as live ingestion),
 * outages with their incidents (acknowledged, resolved, root causes, postmortems), a
 * maintenance window, and one incident still open for ops to handle. Health URLs are paths
 * of the simulated endpoints this instance serves, so the worker's live probes carry on.
 * Idempotent: skipped once the services exist.
 */
const HISTORY_DAYS = 90;
const INTERVAL = 30;
const BASE_LATENCY: Record<string, number> = {
  inference_api: 45,
  training_pipeline: 70,
  model_registry: 25,
  feature_store: 12,
  monitoring_dashboard: 55,
};

function outageStart(o: Outage, today: number): Date {
  return new Date(today - o.daysAgo * DAY_MS + o.hour * HOUR_MS);
}

export async function seedAvailability(now = new Date()): Promise<{ created: boolean; samples: number }> {
  // One transaction: a failed seed leaves nothing behind, and the next run starts over.
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(availabilityServices);
    if ((existing?.n ?? 0) > 0) return { created: false, samples: 0 };
    return seedAll(tx, now);
  });
}

async function seedAll(tx: Transaction, now: Date): Promise<{ created: boolean; samples: number }> {
  const [ops] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, "ops@assay.local"));
  const system: RequestContext = ANONYMOUS;
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const start = addDays(today, -HISTORY_DAYS);
  const end = new Date(Math.floor(now.getTime() / (INTERVAL * SECOND_MS)) * INTERVAL * SECOND_MS);

  const ids = new Map<string, string>();
  for (const s of DEFAULT_SERVICES) {
    const row = await createService(tx, system, {
      ...s,
      slaTarget: s.key === "monitoring_dashboard" ? 99.5 : 99.9,
      healthUrl: `/api/simulated/${s.key}`,
      intervalSeconds: INTERVAL,
      timeoutMs: 2000,
      degradedLatencyMs: s.key === "training_pipeline" ? 150 : 100,
      failuresToOpen: 3,
      successesToResolve: 2,
      createdAt: addDays(start, -1),
    });
    ids.set(s.key, row.id);
  }

  // Before the samples, so ingestion classifies the samples inside it as maintenance.
  const maintenanceStart = new Date(today - 12 * DAY_MS + 2 * HOUR_MS);
  await createMaintenance(tx, system, {
    serviceId: null,
    startsAt: maintenanceStart,
    endsAt: new Date(maintenanceStart.getTime() + 2 * HOUR_MS),
    reason: "Database upgrade to PostgreSQL 16 and Redis failover drill.",
  });

  const outages = OUTAGES.map((o) => ({
    service: ids.get(o.service)!,
    from: outageStart(o, today).toISOString(),
    to: new Date(outageStart(o, today).getTime() + o.minutes * MINUTE_MS).toISOString(),
  }));
  const services = DEFAULT_SERVICES.map((s) => ({ id: ids.get(s.key)!, key: s.key, base: BASE_LATENCY[s.key]! }));
  const samples = await generateSamples(tx, services, start, end, INTERVAL, outages);

  for (const o of OUTAGES) await seedIncident(tx, o, ids.get(o.service)!, today, ops ?? null);
  await seedOpenIncident(tx, ids.get("training_pipeline")!, now, ops ?? null);

  // The streaks continue from the last seeded sample; the worker probes from now on.
  await tx.update(availabilityServices).set({
    lastSampleAt: end,
    lastStatus: "healthy",
    streakSince: start,
    consecutiveSuccesses: 100,
    consecutiveFailures: 0,
    nextProbeAt: new Date(end.getTime() + INTERVAL * SECOND_MS),
  });
  return { created: true, samples };
}

async function seedIncident(tx: Transaction, o: Outage, serviceId: string, today: number, ops: { id: string; name: string } | null) {
  const startedAt = outageStart(o, today);
  const detectedAt = new Date(startedAt.getTime() + 3 * INTERVAL * SECOND_MS);
  const resolvedAt = new Date(startedAt.getTime() + o.minutes * MINUTE_MS);
  const ackAt = new Date(Math.min(detectedAt.getTime() + o.ackMinutes * MINUTE_MS, resolvedAt.getTime()));
  {
    const id = await insertIncident(
      tx,
      { userId: null, apiKeyId: null },
      {
        serviceId,
        title: o.rootCause.split(/[;.]/)[0]!.slice(0, 80),
        severity: o.severity,
        source: "auto",
        startedAt,
        detectedAt,
        body: `3 consecutive failed checks since ${startedAt.toISOString()}.`,
      },
    );
    const author = { userId: ops?.id ?? null, apiKeyId: null };
    if (ops) await addTimelineEntry(tx, id, "acknowledged", `Acknowledged by ${ops.name}.`, author, ackAt);
    await addTimelineEntry(
      tx,
      id,
      "update",
      "Mitigation in progress; customers notified on the status page.",
      author,
      new Date((ackAt.getTime() + resolvedAt.getTime()) / 2),
    );
    await addTimelineEntry(
      tx,
      id,
      "recovered",
      "2 consecutive successful checks: resolved automatically.",
      { userId: null, apiKeyId: null },
      resolvedAt,
    );
    await tx
      .update(availabilityIncidents)
      .set({
        resolvedAt,
        rootCause: o.rootCause,
        postmortemUrl: o.postmortem ? `https://wiki.example.com/postmortems/${startedAt.toISOString().slice(0, 10)}-${o.service}` : null,
        ...(ops ? { acknowledgedAt: ackAt, acknowledgedBy: ops.id } : {}),
      })
      .where(eq(availabilityIncidents.id, id));
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      availabilityAudit.event("availability.incident_opened", {
        resource: { type: "availability_incident", id },
        metadata: { source: "seed", startedAt: startedAt.toISOString(), resolvedAt: resolvedAt.toISOString() },
      }),
    );
  }
}

/** Left open for the demo: ops acknowledges and resolves it. */
async function seedOpenIncident(tx: Transaction, serviceId: string, now: Date, ops: { id: string } | null) {
  const startedAt = new Date(now.getTime() - 25 * MINUTE_MS);
  {
    const id = await insertIncident(
      tx,
      { userId: ops?.id ?? null, apiKeyId: null },
      {
        serviceId,
        title: "Training jobs stuck in the queue",
        severity: "sev3",
        source: "manual",
        startedAt,
        detectedAt: new Date(startedAt.getTime() + 5 * MINUTE_MS),
        body: "Jobs submitted since about 25 minutes ago stay queued; the health check still answers.",
      },
    );
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      availabilityAudit.event("availability.incident_opened", {
        resource: { type: "availability_incident", id },
        metadata: { source: "seed", startedAt: startedAt.toISOString() },
      }),
    );
  }
}
