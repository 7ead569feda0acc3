import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { availabilityIncidents, availabilityIncidentUpdates } from "@/db/schema";
import type { IncidentSource, IncidentUpdateKind, Severity } from "../vocabulary";

/**
 * Writing incidents and their timelines, shared by automatic detection (ingest/streaks.ts) and the
 * people who manage them (incident-service.ts). Each verb writes its timeline entry; the
 * audit event is the caller's last statement.
 */
export type Author = { userId: string | null; apiKeyId: string | null };

export async function addTimelineEntry(
  tx: Executor,
  incidentId: string,
  kind: IncidentUpdateKind,
  body: string,
  author: Author,
  at = new Date(),
) {
  await tx.insert(availabilityIncidentUpdates).values({ incidentId, kind, body, at, authorId: author.userId, apiKeyId: author.apiKeyId });
}

export async function findOpenIncident(tx: Executor, serviceId: string) {
  const [row] = await tx
    .select({ id: availabilityIncidents.id, source: availabilityIncidents.source })
    .from(availabilityIncidents)
    .where(and(eq(availabilityIncidents.serviceId, serviceId), isNull(availabilityIncidents.resolvedAt)));
  return row ?? null;
}

export type NewIncident = {
  serviceId: string;
  title: string;
  severity: Severity;
  source: IncidentSource;
  startedAt: Date;
  detectedAt: Date;
  body: string;
};

export async function insertIncident(tx: Transaction, author: Author, incident: NewIncident): Promise<string> {
  const { body, ...values } = incident;
  const [row] = await tx
    .insert(availabilityIncidents)
    .values({ ...values, createdBy: author.userId })
    .returning({ id: availabilityIncidents.id });
  await addTimelineEntry(tx, row!.id, incident.source === "auto" ? "detected" : "opened", body, author, incident.detectedAt);
  return row!.id;
}
