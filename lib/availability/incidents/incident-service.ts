import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { availabilityIncidents, availabilityServices } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { IncidentIdInput, IncidentUpdateInput, OpenIncidentInput, ResolveIncidentInput } from "../schemas";
import { availabilityAudit } from "../vocabulary";
import { addTimelineEntry, findOpenIncident, insertIncident, type Author } from "./incident-store";

/** What people do with incidents. Each verb adds to the timeline and audits last. */

const authorOf = (ctx: RequestContext): Author => ({ userId: ctx.user?.id ?? null, apiKeyId: ctx.apiKey?.id ?? null });
const incident = (id: string) => ({ type: "availability_incident", id });

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
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.incident_opened", {
      resource: incident(id),
      metadata: { service: service.key, severity: input.severity, startedAt: startedAt.toISOString(), source: "manual" },
    }),
  );
  return { id };
}

export async function acknowledgeIncident(tx: Transaction, ctx: RequestContext, input: IncidentIdInput) {
  const row = await lockIncident(tx, input.id);
  if (row.resolvedAt) throw new AppError("conflict", "This incident is already resolved.");
  if (row.acknowledgedAt) throw new AppError("conflict", "This incident is already acknowledged.");
  const now = new Date();
  await tx
    .update(availabilityIncidents)
    .set({ acknowledgedAt: now, acknowledgedBy: ctx.user!.id })
    .where(eq(availabilityIncidents.id, input.id));
  await addTimelineEntry(tx, input.id, "acknowledged", `Acknowledged by ${ctx.user!.name}.`, authorOf(ctx), now);
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.incident_acknowledged", {
      resource: incident(input.id),
      metadata: { before: { acknowledgedAt: null }, after: { acknowledgedAt: now.toISOString() } },
    }),
  );
}

export async function addIncidentUpdate(tx: Transaction, ctx: RequestContext, input: IncidentUpdateInput) {
  await lockIncident(tx, input.id);
  await addTimelineEntry(tx, input.id, "update", input.body, authorOf(ctx));
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.incident_updated", { resource: incident(input.id), metadata: { length: input.body.length } }),
  );
}

/**
 * Resolves an open incident, or completes a resolved one (an automatic recovery has no root
 * cause yet): the resolution time of a resolved incident is kept.
 */
export async function resolveIncident(tx: Transaction, ctx: RequestContext, input: ResolveIncidentInput) {
  const row = await lockIncident(tx, input.id);
  const now = new Date();
  const resolvedAt = row.resolvedAt ?? input.resolvedAt ?? now;
  if (resolvedAt > now || resolvedAt < row.startedAt) {
    throw new AppError("validation", "The resolution time must be between the start and now.", {
      fieldErrors: { resolvedAt: ["Choose a time between the start and now."] },
    });
  }
  const closing = row.resolvedAt === null;
  await tx
    .update(availabilityIncidents)
    .set({
      resolvedAt,
      rootCause: input.rootCause,
      postmortemUrl: input.postmortemUrl ?? row.postmortemUrl,
      ...(closing ? { resolvedBy: ctx.user!.id } : {}),
    })
    .where(eq(availabilityIncidents.id, input.id));
  const body = closing
    ? `Resolved by ${ctx.user!.name}. Root cause: ${input.rootCause}`
    : `Root cause recorded by ${ctx.user!.name}: ${input.rootCause}`;
  await addTimelineEntry(tx, input.id, closing ? "resolved" : "update", body, authorOf(ctx), now);
  const metadata = {
    before: { resolvedAt: row.resolvedAt?.toISOString() ?? null, rootCause: row.rootCause, postmortemUrl: row.postmortemUrl },
    after: { resolvedAt: resolvedAt.toISOString(), rootCause: input.rootCause, postmortemUrl: input.postmortemUrl ?? row.postmortemUrl },
  };
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event(closing ? "availability.incident_resolved" : "availability.incident_updated", {
      resource: incident(input.id),
      metadata,
    }),
  );
}
