import "server-only";
import { and, desc, eq, gte, isNull, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { availabilityIncidents, availabilityServices, users } from "@/db/schema";
import type { IncidentSource, Severity } from "../vocabulary";

/**
 * An incident as every list, page and report reads it: with its service and acknowledger
 * joined. The service page's one-statement read (views/detail-read.ts) returns the same row.
 */
export type IncidentRow = {
  id: string;
  serviceId: string;
  serviceKey: string;
  serviceName: string;
  title: string;
  severity: Severity;
  source: IncidentSource;
  startedAt: Date;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  resolvedAt: Date | null;
  rootCause: string | null;
  postmortemUrl: string | null;
};

export type OpenIncidentBrief = { id: string; title: string; severity: Severity; startedAt: Date; acknowledged: boolean };

const acknowledger = alias(users, "acknowledger");

/** The columns of an IncidentRow (see incidentsQuery for the joins they need). */
export const incidentColumns = {
  id: availabilityIncidents.id,
  serviceId: availabilityIncidents.serviceId,
  serviceKey: availabilityServices.key,
  serviceName: availabilityServices.name,
  title: availabilityIncidents.title,
  severity: availabilityIncidents.severity,
  source: availabilityIncidents.source,
  startedAt: availabilityIncidents.startedAt,
  detectedAt: availabilityIncidents.detectedAt,
  acknowledgedAt: availabilityIncidents.acknowledgedAt,
  acknowledgedByName: acknowledger.name,
  resolvedAt: availabilityIncidents.resolvedAt,
  rootCause: availabilityIncidents.rootCause,
  postmortemUrl: availabilityIncidents.postmortemUrl,
};

type RawIncident = Omit<IncidentRow, "severity" | "source"> & { severity: string; source: string };
export const toIncidentRow = <T extends RawIncident>(r: T) => ({
  ...r,
  severity: r.severity as Severity,
  source: r.source as IncidentSource,
});

/** IncidentRow columns: incidents with their service and acknowledger joined. */
export function incidentsQuery(executor: Executor) {
  return executor
    .select(incidentColumns)
    .from(availabilityIncidents)
    .innerJoin(availabilityServices, eq(availabilityServices.id, availabilityIncidents.serviceId))
    .leftJoin(acknowledger, eq(acknowledger.id, availabilityIncidents.acknowledgedBy))
    .$dynamic();
}

/** For reads that add joins of their own to incidentColumns. */
export const incidentAcknowledger = acknowledger;

/** Incidents overlapping [from, to) (open ones overlap every later range), newest first. */
export async function incidentsBetween(
  from: Date,
  to: Date,
  serviceId: string | null = null,
  executor: Executor = db,
  limit = 500,
): Promise<IncidentRow[]> {
  const rows = await incidentsQuery(executor)
    .where(
      and(
        lt(availabilityIncidents.startedAt, to),
        or(isNull(availabilityIncidents.resolvedAt), gte(availabilityIncidents.resolvedAt, from)),
        serviceId ? eq(availabilityIncidents.serviceId, serviceId) : undefined,
      ),
    )
    .orderBy(desc(availabilityIncidents.startedAt))
    .limit(limit);
  return rows.map(toIncidentRow);
}

export async function openIncidents(executor: Executor = db): Promise<Map<string, OpenIncidentBrief>> {
  const rows = await executor
    .select({
      id: availabilityIncidents.id,
      serviceId: availabilityIncidents.serviceId,
      title: availabilityIncidents.title,
      severity: availabilityIncidents.severity,
      startedAt: availabilityIncidents.startedAt,
      acknowledgedAt: availabilityIncidents.acknowledgedAt,
    })
    .from(availabilityIncidents)
    .where(isNull(availabilityIncidents.resolvedAt));
  return new Map(
    rows.map((r) => [
      r.serviceId,
      { id: r.id, title: r.title, severity: r.severity as Severity, startedAt: r.startedAt, acknowledged: r.acknowledgedAt !== null },
    ]),
  );
}
