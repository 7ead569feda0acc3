import "server-only";
import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { availabilityMaintenance, availabilityServices, availabilitySettings } from "@/db/schema";
import { addDays } from "@/lib/time";
import type { ServiceRow } from "../sla/figures";

/** Reads of the service registry, the maintenance windows and the retention setting. */
export function listServices(executor: Executor = db): Promise<ServiceRow[]> {
  return executor.select().from(availabilityServices).orderBy(desc(availabilityServices.weight), asc(availabilityServices.key));
}

export async function getServiceByKey(key: string, executor: Executor = db): Promise<ServiceRow | null> {
  const [row] = await executor.select().from(availabilityServices).where(eq(availabilityServices.key, key));
  return row ?? null;
}

/** How long raw samples are kept (days); rollups are kept forever. */
export async function getRawRetentionDays(executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ days: availabilitySettings.rawRetentionDays })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.id, 1));
  return row?.days ?? 35;
}

export type MaintenanceRow = {
  id: string;
  serviceId: string | null;
  serviceName: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
};

export async function maintenanceBetween(from: Date, to: Date, executor: Executor = db): Promise<MaintenanceRow[]> {
  return executor
    .select({
      id: availabilityMaintenance.id,
      serviceId: availabilityMaintenance.serviceId,
      serviceName: availabilityServices.name,
      startsAt: availabilityMaintenance.startsAt,
      endsAt: availabilityMaintenance.endsAt,
      reason: availabilityMaintenance.reason,
    })
    .from(availabilityMaintenance)
    .leftJoin(availabilityServices, eq(availabilityServices.id, availabilityMaintenance.serviceId))
    .where(and(lt(availabilityMaintenance.startsAt, to), gte(availabilityMaintenance.endsAt, from)))
    .orderBy(desc(availabilityMaintenance.startsAt));
}

export type MaintenancePhase = "upcoming" | "in_progress" | "past";
export type ScheduledMaintenance = Omit<MaintenanceRow, "serviceId"> & { phase: MaintenancePhase };

/** The services page's list: windows of the last 90 days and everything scheduled, each in its phase at `now`. */
export async function maintenanceSchedule(now: Date = new Date(), executor: Executor = db): Promise<ScheduledMaintenance[]> {
  // Far enough ahead for anything scheduled; windows are at most 7 days long.
  const windows = await maintenanceBetween(addDays(now, -90), addDays(now, 3650), executor);
  return windows.map((w) => ({
    id: w.id,
    serviceName: w.serviceName,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    reason: w.reason,
    phase: w.startsAt > now ? "upcoming" : w.endsAt > now ? "in_progress" : "past",
  }));
}
