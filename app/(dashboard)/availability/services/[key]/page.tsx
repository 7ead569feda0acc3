import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/availability/auto-refresh";
import { RangePicker } from "@/components/availability/range-picker";
import { CurrentStatus } from "@/components/availability/service-row";
import { ServiceSkeleton } from "@/components/availability/skeletons";
import { StatusStrip } from "@/components/availability/status-strip";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getServiceByKey, loadServiceDetail, type ServiceRow } from "@/lib/availability/queries";
import { parseRange, rollingWindow } from "@/lib/availability/schemas";
import type { RangeKey } from "@/lib/availability/vocabulary";
import { requirePagePermission } from "@/lib/auth/service";
import { ServiceCharts } from "./service-charts";
import { MaintenanceTable } from "./maintenance-table";
import { ServiceTiles } from "./service-tiles";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = await getServiceByKey((await params).key);
  return { title: service ? `${service.name} · Availability` : "Service not found" };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const { key } = await params;
  await requirePagePermission("availability.read", `/availability/services/${key}`);
  const service = await getServiceByKey(key);
  if (!service) notFound();
  const range = parseRange(await searchParams);
  return (
    <>
      <PageHeader
        title={service.name}
        description={<ServiceFacts service={service} />}
        actions={<RangePicker current={range} basePath={`/availability/services/${service.key}`} />}
      />
      <Suspense key={range} fallback={<ServiceSkeleton />}>
        <ServiceBody service={service} range={range} />
      </Suspense>
    </>
  );
}

function ServiceFacts({ service }: { service: ServiceRow }) {
  return (
    <span className="flex flex-col gap-1.5">
      {service.description ? <span>{service.description}</span> : null}
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500">
        <CurrentStatus status={service.lastStatus} at={service.lastSampleAt} enabled={service.enabled} />
        <Meta label="Key">
          <code className="font-mono text-zinc-700">{service.key}</code>
        </Meta>
        <Meta label="SLA target">{service.slaTarget}%</Meta>
        <Meta label="Interval">{service.intervalSeconds} s</Meta>
        <Meta label="Health URL">
          {service.healthUrl ? <code className="font-mono break-all text-zinc-700">{service.healthUrl}</code> : <span>push only</span>}
        </Meta>
      </span>
    </span>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className="text-zinc-400">{label}</span>
      <span className="text-zinc-700">{children}</span>
    </span>
  );
}

async function ServiceBody({ service, range }: { service: ServiceRow; range: RangeKey }) {
  const detail = await loadServiceDetail(service, rollingWindow(range));
  const label = detail.window.label.toLowerCase();
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <AutoRefresh generatedAt={detail.generatedAt.toISOString()} />
      </div>
      <ServiceTiles detail={detail} />
      <ServiceCharts detail={detail} />
      <Card>
        <CardHeader
          title="Last 90 days"
          description="One bar per UTC day against the SLA target. Hover or focus a day (arrow keys move) for its figures."
        />
        <div className="px-5 pt-4 pb-4">
          <StatusStrip days={detail.card.strip} target={service.slaTarget} label={service.name} />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Maintenance windows"
          description={`Planned windows overlapping the last ${label}; their samples are excluded from uptime.`}
        />
        <MaintenanceTable windows={detail.maintenance} />
      </Card>
    </div>
  );
}
