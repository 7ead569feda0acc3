"use server";

import { defineAction } from "@/lib/actions/define-action";
import { withTransaction } from "@/lib/actions/with-transaction";
import {
  IncidentIdInput,
  IncidentUpdateInput,
  MaintenanceInput,
  OpenIncidentInput,
  ResolveIncidentInput,
  RetentionInput,
  UpdateServiceInput,
} from "./schemas";
import {
  acknowledgeIncident,
  addIncidentUpdate,
  cancelMaintenance,
  createMaintenance,
  openIncident,
  resolveIncident,
  setRetention,
  updateService,
} from "./service";

const PAGES = ["/availability", "/availability/incidents", "/availability/services"];

export const openIncidentAction = defineAction(
  "availability.incident_open",
  { permission: "availability.incidents", schema: OpenIncidentInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    const { id } = await withTransaction(ctx, (tx) => openIncident(tx, ctx, input));
    return { message: "Incident opened.", data: { id } };
  },
);

export const acknowledgeIncidentAction = defineAction(
  "availability.incident_acknowledge",
  { permission: "availability.incidents", schema: IncidentIdInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => acknowledgeIncident(tx, ctx, input));
    return { message: "Incident acknowledged." };
  },
);

export const addIncidentUpdateAction = defineAction(
  "availability.incident_update",
  { permission: "availability.incidents", schema: IncidentUpdateInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => addIncidentUpdate(tx, ctx, input));
    return { message: "Update added to the timeline." };
  },
);

export const resolveIncidentAction = defineAction(
  "availability.incident_resolve",
  { permission: "availability.incidents", schema: ResolveIncidentInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => resolveIncident(tx, ctx, input));
    return { message: "Incident resolved." };
  },
);

export const updateServiceAction = defineAction(
  "availability.service_update",
  { permission: "availability.manage", schema: UpdateServiceInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    const service = await withTransaction(ctx, (tx) => updateService(tx, ctx, input));
    return { message: `${service.name} saved.` };
  },
);

export const createMaintenanceAction = defineAction(
  "availability.maintenance_create",
  { permission: "availability.manage", schema: MaintenanceInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => createMaintenance(tx, ctx, input));
    return { message: "Maintenance window scheduled. Samples inside it are excluded from every figure." };
  },
);

export const cancelMaintenanceAction = defineAction(
  "availability.maintenance_cancel",
  { permission: "availability.manage", schema: IncidentIdInput, revalidate: PAGES },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => cancelMaintenance(tx, ctx, input));
    return { message: "Maintenance window cancelled." };
  },
);

export const setRetentionAction = defineAction(
  "availability.retention_set",
  { permission: "availability.manage", schema: RetentionInput, revalidate: ["/availability/services"] },
  async ({ ctx, input }) => {
    await withTransaction(ctx, (tx) => setRetention(tx, ctx, input));
    return { message: `Raw samples are now kept for ${input.rawRetentionDays} days. Rollups are kept forever.` };
  },
);
