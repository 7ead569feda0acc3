import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { availabilityMaintenance, availabilityServices, availabilitySettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getRawRetentionDays, serviceSettings } from "../queries";
import { startOfUtcDay } from "../rollups/ranges";
import { rebuildRollups } from "../rollups/rollup-rebuild";
import type { MaintenanceInput, UpdateServiceInput } from "../schemas";

/** The service registry, maintenance windows and retention. Each verb audits last, in the caller's transaction. */

export type NewService = Omit<UpdateServiceInput, "id" | "enabled"> & { key: string; enabled?: boolean };

/** What a change to a service records as before and after: its editable settings. */
const snapshot = serviceSettings;

export async function createService(tx: Transaction, ctx: RequestContext, input: NewService, createdAt?: Date) {
  const [row] = await tx
    .insert(availabilityServices)
    .values({ ...input, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) })
    .onConflictDoNothing({ target: availabilityServices.key })
    .returning();
  if (!row) throw new AppError("conflict", `A service with the key ${input.key} exists.`, { fieldErrors: { key: ["This key is taken."] } });
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "availability.service_created",
    outcome: "success",
    resource: { type: "availability_service", id: row.id },
    metadata: { before: null, after: snapshot(row) },
  });
  return row;
}

export async function updateService(tx: Transaction, ctx: RequestContext, input: UpdateServiceInput) {
  const [before] = await tx.select().from(availabilityServices).where(eq(availabilityServices.id, input.id)).for("no key update");
  if (!before) throw new AppError("not_found", "This service does not exist.");
  const { id, ...fields } = input;
  const [after] = await tx
    .update(availabilityServices)
    .set({ ...fields, updatedAt: new Date(), ...(fields.enabled && !before.enabled ? { nextProbeAt: new Date() } : {}) })
    .where(eq(availabilityServices.id, id))
    .returning();
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "availability.service_updated",
    outcome: "success",
    resource: { type: "availability_service", id },
    metadata: { before: snapshot(before), after: snapshot(after!) },
  });
  return after!;
}

/**
 * A window changes how samples count, so the rollups of the days it covers are rebuilt from
 * raw samples, which must therefore still be retained.
 */
export async function createMaintenance(tx: Transaction, ctx: RequestContext, input: MaintenanceInput) {
  const horizon = startOfUtcDay(new Date(Date.now() - (await getRawRetentionDays(tx)) * 86_400_000 + 86_400_000));
  if (input.startsAt < horizon) {
    throw new AppError("validation", "Raw samples before this date are no longer kept, so a window there cannot be applied.", {
      fieldErrors: {
        startsAt: [`Start on or after ${horizon.toISOString().slice(0, 10)} (raw samples are kept for the retention period).`],
      },
    });
  }
  if (input.serviceId) {
    const [svc] = await tx
      .select({ id: availabilityServices.id })
      .from(availabilityServices)
      .where(eq(availabilityServices.id, input.serviceId));
    if (!svc) throw new AppError("validation", "Choose a service.", { fieldErrors: { serviceId: ["Choose a service."] } });
  }
  const [row] = await tx
    .insert(availabilityMaintenance)
    .values({ ...input, createdBy: ctx.user?.id ?? null })
    .returning();
  if (input.startsAt < new Date()) await rebuildRollups(tx, input.serviceId ? [input.serviceId] : "all", input.startsAt, input.endsAt);
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "availability.maintenance_scheduled",
    outcome: "success",
    resource: { type: "availability_maintenance", id: row!.id },
    metadata: {
      before: null,
      after: { serviceId: row!.serviceId, startsAt: row!.startsAt.toISOString(), endsAt: row!.endsAt.toISOString(), reason: row!.reason },
    },
  });
  return row!;
}

/** Only a window that has not started may be withdrawn: a past one is part of the record. */
export async function cancelMaintenance(tx: Transaction, ctx: RequestContext, id: string) {
  const [row] = await tx
    .delete(availabilityMaintenance)
    .where(and(eq(availabilityMaintenance.id, id), gt(availabilityMaintenance.startsAt, new Date())))
    .returning();
  if (!row) throw new AppError("conflict", "Only a window that has not started can be cancelled.");
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "availability.maintenance_cancelled",
    outcome: "success",
    resource: { type: "availability_maintenance", id },
    metadata: {
      before: { serviceId: row.serviceId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), reason: row.reason },
      after: null,
    },
  });
}

export async function setRetention(tx: Transaction, ctx: RequestContext, days: number) {
  const before = await getRawRetentionDays(tx);
  await tx
    .update(availabilitySettings)
    .set({ rawRetentionDays: days, updatedAt: new Date(), updatedBy: ctx.user?.id ?? null })
    .where(eq(availabilitySettings.id, 1));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "availability.retention_changed",
    outcome: "success",
    resource: { type: "availability_settings", id: "1" },
    metadata: { before: { rawRetentionDays: before }, after: { rawRetentionDays: days } },
  });
}
