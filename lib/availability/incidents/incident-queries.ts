import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { apiKeys, availabilityIncidents, availabilityIncidentUpdates, availabilityServices, users } from "@/db/schema";
import { addDays } from "@/lib/time";
import { INCIDENTS_PAGE_SIZE, type IncidentsView } from "../schemas";
import { incidentStats, type IncidentStats } from "../sla/sla-math";
import type { IncidentUpdateKind } from "../vocabulary";
import { incidentAcknowledger, incidentColumns, incidentsBetween, incidentsQuery, toIncidentRow, type IncidentRow } from "./incident-rows";

/**
 * Reads behind the incidents list and an incident's page: one page of incidents (open ones
 * first), the summary tiles, and one incident with its timeline and who wrote each entry.
 */
const resolver = alias(users, "resolver");
const opener = alias(users, "opener");

function listWhere(filter: Pick<IncidentsView, "state" | "service">): SQL | undefined {
  return and(
    filter.state === "open"
      ? isNull(availabilityIncidents.resolvedAt)
      : filter.state === "resolved"
        ? isNotNull(availabilityIncidents.resolvedAt)
        : undefined,
    filter.service ? eq(availabilityServices.key, filter.service) : undefined,
  );
}

/** One page of incidents (the list's URL state), open ones first, then newest first; `total` counts every match. */
export async function listIncidentsPage(
  filter: IncidentsView,
  executor: Executor = db,
  pageSize = INCIDENTS_PAGE_SIZE,
): Promise<{ rows: IncidentRow[]; total: number }> {
  const where = listWhere(filter);
  const [rows, [totals]] = await Promise.all([
    incidentsQuery(executor)
      .where(where)
      .orderBy(sql`${availabilityIncidents.resolvedAt} IS NULL DESC`, desc(availabilityIncidents.startedAt), asc(availabilityIncidents.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    executor
      .select({ n: count() })
      .from(availabilityIncidents)
      .innerJoin(availabilityServices, eq(availabilityServices.id, availabilityIncidents.serviceId))
      .where(where),
  ]);
  return { rows: rows.map(toIncidentRow), total: totals?.n ?? 0 };
}

export type IncidentSummary = { open: number; unacknowledged: number; stats: IncidentStats; days: number };

/** The tiles above the list: what is open now, and MTTR/MTTA over the last `days` days. */
export async function incidentSummary(now: Date = new Date(), days = 30, executor: Executor = db): Promise<IncidentSummary> {
  const from = addDays(now, -days);
  const [[open], recent] = await Promise.all([
    executor
      .select({
        open: count(),
        unacknowledged: sql<number>`count(*) FILTER (WHERE ${availabilityIncidents.acknowledgedAt} IS NULL)`.mapWith(Number),
      })
      .from(availabilityIncidents)
      .where(isNull(availabilityIncidents.resolvedAt)),
    incidentsBetween(from, now, null, executor, 10_000),
  ]);
  return { open: open?.open ?? 0, unacknowledged: open?.unacknowledged ?? 0, stats: incidentStats(recent, from, now, now), days };
}

export type IncidentDetail = IncidentRow & { resolvedByName: string | null; openedByName: string | null };

export type TimelineEntry = {
  id: string;
  at: Date;
  kind: IncidentUpdateKind;
  body: string;
  authorName: string | null;
  apiKeyName: string | null;
};

export async function getIncidentDetail(id: string, executor: Executor = db): Promise<IncidentDetail | null> {
  const [row] = await executor
    .select({ ...incidentColumns, resolvedByName: resolver.name, openedByName: opener.name })
    .from(availabilityIncidents)
    .innerJoin(availabilityServices, eq(availabilityServices.id, availabilityIncidents.serviceId))
    .leftJoin(incidentAcknowledger, eq(incidentAcknowledger.id, availabilityIncidents.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, availabilityIncidents.resolvedBy))
    .leftJoin(opener, eq(opener.id, availabilityIncidents.createdBy))
    .where(eq(availabilityIncidents.id, id));
  return row ? toIncidentRow(row) : null;
}

/** The timeline, oldest first. No author and no key means Assay itself wrote the entry. */
export async function listTimeline(incidentId: string, executor: Executor = db): Promise<TimelineEntry[]> {
  const rows = await executor
    .select({
      id: availabilityIncidentUpdates.id,
      at: availabilityIncidentUpdates.at,
      kind: availabilityIncidentUpdates.kind,
      body: availabilityIncidentUpdates.body,
      authorName: users.name,
      apiKeyName: apiKeys.name,
    })
    .from(availabilityIncidentUpdates)
    .leftJoin(users, eq(users.id, availabilityIncidentUpdates.authorId))
    .leftJoin(apiKeys, eq(apiKeys.id, availabilityIncidentUpdates.apiKeyId))
    .where(eq(availabilityIncidentUpdates.incidentId, incidentId))
    .orderBy(asc(availabilityIncidentUpdates.at), asc(availabilityIncidentUpdates.id));
  return rows.map((r) => ({ ...r, kind: r.kind as IncidentUpdateKind }));
}
