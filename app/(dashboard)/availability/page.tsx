import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/availability/auto-refresh";
import { RangePicker } from "@/components/availability/range-picker";
import { OverviewSkeleton } from "@/components/availability/skeletons";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadOverview } from "@/lib/availability/queries";
import { parseRange, rollingWindow } from "@/lib/availability/schemas";
import type { RangeKey } from "@/lib/availability/vocabulary";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { CompositeSection, OverviewTiles, ServicesSection } from "./overview-sections";

export const metadata: Metadata = { title: "Availability" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AvailabilityPage({ searchParams }: Props) {
  const user = await requirePagePermission("availability.read", "/availability");
  const range = parseRange(await searchParams);
  return (
    <>
      <PageHeader
        title="Availability"
        description="Uptime, latency and error budgets of the AI services against their SLAs (SOC 2 A1). Maintenance and unrecorded time are excluded from every ratio, never counted as up."
        actions={<RangePicker current={range} basePath="/availability" />}
      />
      <Suspense key={range} fallback={<OverviewSkeleton />}>
        <OverviewBody range={range} canManage={can(user.roles, "availability.manage")} />
      </Suspense>
    </>
  );
}

async function OverviewBody({ range, canManage }: { range: RangeKey; canManage: boolean }) {
  const overview = await loadOverview(rollingWindow(range));
  if (overview.services.length === 0) return <NoServices canManage={canManage} />;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <AutoRefresh generatedAt={overview.generatedAt.toISOString()} />
      </div>
      <OverviewTiles overview={overview} range={range} />
      <CompositeSection overview={overview} />
      <ServicesSection overview={overview} range={range} />
    </div>
  );
}

function NoServices({ canManage }: { canManage: boolean }) {
  return (
    <Card>
      <EmptyState
        title="No services yet"
        action={
          canManage ? (
            <Link href="/availability/services" className="text-sm font-medium text-accent-700 hover:underline">
              Register a service
            </Link>
          ) : null
        }
      >
        Register the AI services to watch (inference API, training pipeline, …) and their health checks; figures appear after the first
        probes.
      </EmptyState>
    </Card>
  );
}
