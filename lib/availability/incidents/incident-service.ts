import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { availabilityIncidents, availabilityServices } from "@/db/schema";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { addTimelineEntry, auditIncident, findOpenIncident, insertIncident, type Author } from "./incident-store";
import type { OpenIncidentInput, ResolveIncidentInput } from "../schemas";

/** What people do with incidents. Each verb adds to the timeline and audits last. */

const authorOf = (ctx: RequestContext): Author => ({ userId: ctx.user?.id ?? null, apiKeyId: ctx.apiKey?.id ?? null });

async function lockIncident(tx: Transaction, id: string) {
  const [row] = await tx.select().from(availabilityIncidents).where(eq(availabilityIncidents.id, id)).for("update");
  if (!row) throw new AppError("not_found", "This incident does not exist.");
  return row;
}

export async function openIncident(tx: Transaction, ctx: RequestContext, input: OpenIncidentInput) {
  const [service] = await tx
    .select({ id: availabilityServices.id, key: availabilityServices.key })
    .from(availabilityServices)
    .where(eq(availabilityServices.id, input.serviceId))
    .for("no key update");
  // The service row's lock is the one ingestion takes, so automatic detection cannot open a second incident meanwhile.
  if (!service) throw new AppError("validation", "Choose a service.", { fieldErrors: { serviceId: ["Choose a service."] } });
  if (await findOpenIncident(tx, service.id))
    throw new AppError("conflict", "This service already has an open incident: add an update to it instead.");
  const now = new Date();
  const startedAt = input.startedAt ?? now;
  if (startedAt > now)
    throw new AppError("validation", "An incident cannot start in the future.", {
      fieldErrors: { startedAt: ["Choose a time in the past."] },
    });
  const id = await insertIncident(tx, authorOf(ctx), {
    serviceId: service.id,
    title: input.title,
    severity: input.severity,
    source: "manual",
    startedAt,
    detectedAt: now,
    body: input.body,
  });
  await auditIncident(tx, auditActor(ctx), "availability.incident_opened", id, {
    service: service.key,
    severity: input.severity,
    startedAt: startedAt.toISOString(),
    source: "manual",
  });
  return { id };
}

export async function acknowledgeIncident(tx: Transaction, ctx: RequestContext, id: string) {
  const incident = await lockIncident(tx, id);
  if (incident.resolvedAt) throw new AppError("conflict", "This incident is already resolved.");
  if (incident.acknowledgedAt) throw new AppError("conflict", "This incident is already acknowledged.");
  const now = new Date();
  await tx.update(availabilityIncidents).set({ acknowledgedAt: now, acknowledgedBy: ctx.user!.id }).where(eq(availabilityIncidents.id, id));
  await addTimelineEntry(tx, id, "acknowledged", `Acknowledged by ${ctx.user!.name}.`, authorOf(ctx), now);
  await auditIncident(tx, auditActor(ctx), "availability.incident_acknowledged", id, {
    before: { acknowledgedAt: null },
    after: { acknowledgedAt: now.toISOString() },
  });
}

export async function addIncidentUpdate(tx: Transaction, ctx: RequestContext, id: string, body: string) {
  await lockIncident(tx, id);
  await addTimelineEntry(tx, id, "update", body, authorOf(ctx));
  await auditIncident(tx, auditActor(ctx), "availability.incident_updated", id, { length: body.length });
}

/**
 * Resolves an open incident, or completes a resolved one (an automatic recovery has no root
 * cause yet): the resolution time of a resolved incident is kept.
 */
export async function resolveIncident(tx: Transaction, ctx: RequestContext, input: ResolveIncidentInput) {
  const incident = await lockIncident(tx, input.id);
  const now = new Date();
  const resolvedAt = incident.resolvedAt ?? input.resolvedAt ?? now;
  if (resolvedAt > now || resolvedAt < incident.startedAt) {
    throw new AppError("validation", "The resolution time must be between the start and now.", {
      fieldErrors: { resolvedAt: ["Choose a time between the start and now."] },
    });
  }
  const closing = incident.resolvedAt === null;
  await tx
    .update(availabilityIncidents)
    .set({
      resolvedAt,
      rootCause: input.rootCause,
      postmortemUrl: input.postmortemUrl ?? incident.postmortemUrl,
      ...(closing ? { resolvedBy: ctx.user!.id } : {}),
    })
    .where(eq(availabilityIncidents.id, input.id));
  const body = closing
    ? `Resolved by ${ctx.user!.name}. Root cause: ${input.rootCause}`
    : `Root cause recorded by ${ctx.user!.name}: ${input.rootCause}`;
  await addTimelineEntry(tx, input.id, closing ? "resolved" : "update", body, authorOf(ctx), now);
  await auditIncident(tx, auditActor(ctx), closing ? "availability.incident_resolved" : "availability.incident_updated", input.id, {
    before: {
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      rootCause: incident.rootCause,
      postmortemUrl: incident.postmortemUrl,
    },
    after: {
      resolvedAt: resolvedAt.toISOString(),
      rootCause: input.rootCause,
      postmortemUrl: input.postmortemUrl ?? incident.postmortemUrl,
    },
  });
}
