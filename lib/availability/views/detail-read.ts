import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { toBuckets, type Bucket, type BucketRow, type IncidentRow, type MaintenanceRow } from "../queries";
import { bucketEnd, isoDay, type RangeWindow } from "../rollups/ranges";
import type { Severity } from "../vocabulary";

export type ServiceDetailRead = {
  strip: Map<string, Bucket[]>;
  hours: Map<string, Bucket[]>;
  incidents: IncidentRow[];
  maintenance: MaintenanceRow[];
};

type IncidentTuple = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];
type MaintenanceTuple = [string, string | null, string | null, string, string, string];

const date = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Everything a service page reads, in one round trip: its strip's days (with histograms from
 * `histogramsFrom` on: the days a day-grain window shows), its recent hours, its incidents
 * overlapping [from, to) (newest first, at most 500) and the maintenance windows over
 * [from, to) that apply to it (its own and the global ones). The SQL is the function
 * availability_service_page (migration 0020), which keeps its plan between loads; each part
 * comes back as one JSON value, which the driver decodes far faster than rows.
 */
export async function readServiceDetail(
  serviceId: string,
  reads: { strip: RangeWindow; histogramsFrom: Date | null; hours: RangeWindow; hourHistograms: boolean; from: Date; to: Date },
  executor: Executor = db,
): Promise<ServiceDetailRead> {
  const { strip, hours } = reads;
  const [row] = await executor.execute<{
    strip: BucketRow[] | null;
    hours: BucketRow[] | null;
    incidents: IncidentTuple[] | null;
    maintenance: MaintenanceTuple[] | null;
  }>(sql`
    SELECT * FROM availability_service_page(
      ${serviceId}::uuid, ${isoDay(strip.from)}::date, ${isoDay(bucketEnd(strip.to, "day"))}::date,
      ${reads.histogramsFrom ? isoDay(reads.histogramsFrom) : "infinity"}::date,
      ${hours.from.toISOString()}::timestamptz, ${bucketEnd(hours.to, "hour").toISOString()}::timestamptz, ${reads.hourHistograms}::boolean,
      ${reads.from.toISOString()}::timestamptz, ${reads.to.toISOString()}::timestamptz)`);
  return {
    strip: toBuckets(row?.strip ?? [], "day"),
    hours: toBuckets(row?.hours ?? [], "hour"),
    incidents: (row?.incidents ?? []).map(
      ([id, svc, key, name, title, severity, source, startedAt, detectedAt, ackAt, ackBy, resolvedAt, rootCause, postmortemUrl]) => ({
        id,
        serviceId: svc,
        serviceKey: key,
        serviceName: name,
        title,
        severity: severity as Severity,
        source: source as "auto" | "manual",
        startedAt: new Date(startedAt),
        detectedAt: new Date(detectedAt),
        acknowledgedAt: date(ackAt),
        acknowledgedByName: ackBy,
        resolvedAt: date(resolvedAt),
        rootCause,
        postmortemUrl,
      }),
    ),
    maintenance: (row?.maintenance ?? []).map(([id, svc, name, startsAt, endsAt, reason]) => ({
      id,
      serviceId: svc,
      serviceName: name,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      reason,
    })),
  };
}
