import type { Metadata } from "next";
import { toUtcInputValue } from "@/components/availability/incident-display";
import { MaintenanceManager, type MaintenanceView } from "@/components/availability/maintenance-forms";
import { RetentionForm, ServicesManager } from "@/components/availability/service-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cancelMaintenanceAction, createMaintenanceAction, setRetentionAction, updateServiceAction } from "@/lib/availability/actions";
import { getRawRetentionDays, listServices, maintenanceBetween, serviceSettings } from "@/lib/availability/queries";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Services" };

const DAY = 86_400_000;
const HOUR = 3_600_000;

export default async function ServicesPage() {
  const user = await requirePagePermission("availability.read", "/availability/services");
  const mayManage = can(user.roles, "availability.manage");
  const now = new Date();
  const [services, windows, retention] = await Promise.all([
    listServices(),
    // Far enough ahead for anything scheduled; windows are at most 7 days long.
    maintenanceBetween(new Date(now.getTime() - 90 * DAY), new Date(now.getTime() + 3650 * DAY)),
    getRawRetentionDays(),
  ]);
  const maintenance: MaintenanceView[] = windows.map((w) => ({
    id: w.id,
    serviceName: w.serviceName,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    reason: w.reason,
    phase: w.startsAt > now ? "upcoming" : w.endsAt > now ? "in_progress" : "past",
  }));
  // Tomorrow 02:00–04:00 UTC: the usual quiet hours, a sensible first suggestion.
  const start = new Date(Math.floor(now.getTime() / DAY) * DAY + DAY + 2 * HOUR);
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
            windows={maintenance}
            services={services.map((s) => ({ id: s.id, name: s.name }))}
            actions={mayManage ? { create: createMaintenanceAction, cancel: cancelMaintenanceAction } : null}
            defaults={{ startsAt: toUtcInputValue(start), endsAt: toUtcInputValue(new Date(start.getTime() + 2 * HOUR)) }}
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
