import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { isoDay } from "@/lib/time";
import { toIncidentRow, type IncidentRow } from "../incidents/incident-rows";
import type { MaintenanceRow } from "../registry/registry-queries";
import { bucketEnd, type RangeWindow } from "../rollups/ranges";
import { toBuckets, type Bucket, type BucketRow } from "../rollups/rollup-reads";

export type ServiceDetailRead = {
  strip: Map<string, Bucket[]>;
  hours: Map<string, Bucket[]>;
  incidents: IncidentRow[];
  maintenance: MaintenanceRow[];
};

/** A row as JSON: the same members as the typed read's, with times as text. */
type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type IncidentJson = Omit<AsJson<IncidentRow>, "severity" | "source"> & { severity: string; source: string };

const date = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Everything a service page reads, in one round trip: its strip's days (with histograms from
 * `histogramsFrom` on: the days a day-grain window shows), its recent hours, its incidents
 * overlapping [from, to) (newest first, at most 500) and the maintenance windows over
 * [from, to) that apply to it (its own and the global ones). The SQL is the function
 * availability_service_page (migration 0023, which replaced 0020's positional arrays), which
 * keeps its plan between loads; each part comes back as one JSON value of named members,
 * which the driver decodes far faster than rows. Its TypeScript twins are the typed reads
 * (bucketsByService, incidentsBetween, maintenanceBetween); detail-read.service.test.ts keeps
 * them equal.
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
    incidents: IncidentJson[] | null;
    maintenance: AsJson<MaintenanceRow>[] | null;
  }>(sql`
    SELECT * FROM availability_service_page(
      ${serviceId}::uuid, ${isoDay(strip.from)}::date, ${isoDay(bucketEnd(strip.to, "day"))}::date,
      ${reads.histogramsFrom ? isoDay(reads.histogramsFrom) : "infinity"}::date,
      ${hours.from.toISOString()}::timestamptz, ${bucketEnd(hours.to, "hour").toISOString()}::timestamptz, ${reads.hourHistograms}::boolean,
      ${reads.from.toISOString()}::timestamptz, ${reads.to.toISOString()}::timestamptz)`);
  return {
    strip: toBuckets(row?.strip ?? [], "day"),
    hours: toBuckets(row?.hours ?? [], "hour"),
    incidents: (row?.incidents ?? []).map((i) =>
      toIncidentRow({
        ...i,
        startedAt: new Date(i.startedAt),
        detectedAt: new Date(i.detectedAt),
        acknowledgedAt: date(i.acknowledgedAt),
        resolvedAt: date(i.resolvedAt),
      }),
    ),
    maintenance: (row?.maintenance ?? []).map((m) => ({ ...m, startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
  };
}
