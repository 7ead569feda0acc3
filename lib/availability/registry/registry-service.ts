import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { availabilityMaintenance, availabilityServices, availabilitySettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/service";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { addDays, isoDay, startOfUtcDay } from "@/lib/time";
import { rebuildRollups } from "../rollups/rollup-rebuild";
import { serviceSettings, type IncidentIdInput, type MaintenanceInput, type RetentionInput, type UpdateServiceInput } from "../schemas";
import { availabilityAudit } from "../vocabulary";
import { getRawRetentionDays } from "./registry-queries";

/** The service registry, maintenance windows and retention. Each verb audits last, in the caller's transaction. */

/** A new service; `createdAt` backdates it (the seed's and the tests' history). */
export type NewService = Omit<UpdateServiceInput, "id" | "enabled"> & { key: string; enabled?: boolean; createdAt?: Date };

/** What a change to a service records as before and after: its editable settings. */
const snapshot = serviceSettings;

export async function createService(tx: Transaction, ctx: RequestContext, input: NewService) {
  const { createdAt, ...fields } = input;
  const [row] = await tx
    .insert(availabilityServices)
    .values({ ...fields, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) })
    .onConflictDoNothing({ target: availabilityServices.key })
    .returning();
  if (!row) throw new AppError("conflict", `A service with the key ${input.key} exists.`, { fieldErrors: { key: ["This key is taken."] } });
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.service_created", {
      resource: { type: "availability_service", id: row.id },
      metadata: { before: null, after: snapshot(row) },
    }),
  );
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
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.service_updated", {
      resource: { type: "availability_service", id },
      metadata: { before: snapshot(before), after: snapshot(after!) },
    }),
  );
  return after!;
}

const windowOf = (row: typeof availabilityMaintenance.$inferSelect) => ({
  serviceId: row.serviceId,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  reason: row.reason,
});

/**
 * A window changes how samples count, so the rollups of the days it covers are rebuilt from
 * raw samples, which must therefore still be retained.
 */
export async function createMaintenance(tx: Transaction, ctx: RequestContext, input: MaintenanceInput) {
  const horizon = startOfUtcDay(addDays(Date.now(), 1 - (await getRawRetentionDays(tx))));
  if (input.startsAt < horizon) {
    throw new AppError("validation", "Raw samples before this date are no longer kept, so a window there cannot be applied.", {
      fieldErrors: {
        startsAt: [`Start on or after ${isoDay(horizon)} (raw samples are kept for the retention period).`],
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
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.maintenance_scheduled", {
      resource: { type: "availability_maintenance", id: row!.id },
      metadata: { before: null, after: windowOf(row!) },
    }),
  );
  return row!;
}

/** Only a window that has not started may be withdrawn: a past one is part of the record. */
export async function cancelMaintenance(tx: Transaction, ctx: RequestContext, input: IncidentIdInput) {
  const [row] = await tx
    .delete(availabilityMaintenance)
    .where(and(eq(availabilityMaintenance.id, input.id), gt(availabilityMaintenance.startsAt, new Date())))
    .returning();
  if (!row) throw new AppError("conflict", "Only a window that has not started can be cancelled.");
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.maintenance_cancelled", {
      resource: { type: "availability_maintenance", id: input.id },
      metadata: { before: windowOf(row), after: null },
    }),
  );
}

export async function setRetention(tx: Transaction, ctx: RequestContext, input: RetentionInput) {
  const before = await getRawRetentionDays(tx);
  await tx
    .update(availabilitySettings)
    .set({ rawRetentionDays: input.rawRetentionDays, updatedAt: new Date(), updatedBy: ctx.user?.id ?? null })
    .where(eq(availabilitySettings.id, 1));
  await recordAudit(
    tx,
    auditActor(ctx),
    availabilityAudit.event("availability.retention_changed", {
      resource: { type: "availability_settings", id: "1" },
      metadata: { before: { rawRetentionDays: before }, after: { rawRetentionDays: input.rawRetentionDays } },
    }),
  );
}
