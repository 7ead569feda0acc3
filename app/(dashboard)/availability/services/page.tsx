import type { Metadata } from "next";
import { toUtcInputValue } from "@/components/availability/utc-times";
import { MaintenanceManager } from "@/components/availability/maintenance-forms";
import { RetentionForm } from "@/components/availability/service-edit-form";
import { ServicesManager } from "@/components/availability/service-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cancelMaintenanceAction, createMaintenanceAction, setRetentionAction, updateServiceAction } from "@/lib/availability/actions";
import { getRawRetentionDays, listServices, maintenanceSchedule } from "@/lib/availability/queries";
import { serviceSettings } from "@/lib/availability/schemas";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { serialize } from "@/lib/serialized";
import { addDays, addHours, startOfUtcDay } from "@/lib/time";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const user = await requirePagePermission("availability.read", "/availability/services");
  const mayManage = can(user.roles, "availability.manage");
  const now = new Date();
  const [services, maintenance, retention] = await Promise.all([listServices(), maintenanceSchedule(now), getRawRetentionDays()]);
  // Tomorrow 02:00–04:00 UTC: the usual quiet hours, a sensible first suggestion.
  const start = addHours(addDays(startOfUtcDay(now), 1), 2);
  return (
    <>
      <PageHeader
        title="Services"
        description="The AI services Assay probes, their SLA targets and incident thresholds, planned maintenance, and how long raw samples are kept."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Registry"
            description={`${services.length} services. The composite availability weighs each by its weight. Open a service for its charts.`}
          />
          <ServicesManager services={services.map(serviceSettings)} action={mayManage ? updateServiceAction : null} />
        </Card>
        <Card>
          <CardHeader
            title="Maintenance windows"
            description="Upcoming, in progress, and those of the last 90 days. A window that has started is part of the record and cannot be cancelled."
          />
          <MaintenanceManager
            windows={serialize(maintenance)}
            services={services.map((s) => ({ id: s.id, name: s.name }))}
            actions={mayManage ? { create: createMaintenanceAction, cancel: cancelMaintenanceAction } : null}
            defaults={{ startsAt: toUtcInputValue(start), endsAt: toUtcInputValue(addHours(start, 2)) }}
          />
        </Card>
        <Card>
          <CardHeader
            title="Raw sample retention"
            description="Raw samples older than this are deleted by the worker. Hourly and daily rollups are kept forever, so every chart and SLA report stays available."
          />
          <CardBody>
            {mayManage ? (
              <RetentionForm action={setRetentionAction} days={retention} />
            ) : (
              <p className="text-[13px] text-zinc-700">
                Raw samples are kept for <strong className="font-semibold tabular-nums">{retention} days</strong>. Rollups are kept forever.
              </p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
