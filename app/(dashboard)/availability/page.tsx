import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CompositeChart } from "@/components/availability/availability-charts";
import { AutoRefresh } from "@/components/availability/auto-refresh";
import { FigureTile, formatBudget, formatPercent, NoData } from "@/components/availability/figures";
import { RangePicker } from "@/components/availability/range-picker";
import { ServiceRowItem } from "@/components/availability/service-row";
import { OverviewSkeleton } from "@/components/availability/skeletons";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { rollingWindow, isRangeKey } from "@/lib/availability/rollups/ranges";
import { loadOverview } from "@/lib/availability/views/views";
import type { RangeKey } from "@/lib/availability/vocabulary";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Availability" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AvailabilityPage({ searchParams }: Props) {
  const user = await requirePagePermission("availability.read", "/availability");
  const raw = (await searchParams).range;
  const range: RangeKey = typeof raw === "string" && isRangeKey(raw) ? raw : "30d";
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
  const { services, window } = overview;
  if (services.length === 0) {
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
  const judged = services.filter((s) => s.figures.verdict !== "unknown");
  const met = services.filter((s) => s.figures.verdict === "met").length;
  const missed = services.filter((s) => s.figures.verdict === "missed").length;
  const open = services.filter((s) => s.openIncident);
  const unacknowledged = open.filter((s) => !s.openIncident!.acknowledged).length;
  const worst = services
    .filter((s) => s.figures.budget)
    .sort((a, b) => a.figures.budget!.remainingFraction - b.figures.budget!.remainingFraction)[0];
  const worstFraction = worst?.figures.budget?.remainingFraction ?? null;
  const withData = overview.compositeSeries.filter((p) => p.composite !== null);
  const lowest = withData.reduce<(typeof withData)[number] | null>((lo, p) => (lo === null || p.composite! < lo.composite! ? p : lo), null);
  const unit = window.grain === "hour" ? "hour" : "day";
  const caption =
    overview.composite === null
      ? "No samples in this range yet."
      : `Composite ${formatPercent(overview.composite)} over the last ${window.label.toLowerCase()}, per ${unit}${
          lowest
            ? `; lowest ${formatPercent(lowest.composite!)} on ${lowest.t
                .toISOString()
                .slice(0, window.grain === "hour" ? 13 : 10)
                .replace("T", " ")}${window.grain === "hour" ? ":00 UTC" : ""}`
            : ""
        }.`;

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <AutoRefresh generatedAt={overview.generatedAt.toISOString()} />
      </div>
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <FigureTile
          label="Composite availability"
          value={overview.composite === null ? <NoData reason="no samples in this range" /> : formatPercent(overview.composite)}
          hint={`weighted; degraded counts half · ${window.label.toLowerCase()}`}
        />
        <FigureTile
          label="Services meeting SLA"
          value={
            <span>
              {met} <span className="text-base font-medium text-zinc-400">of {services.length}</span>
            </span>
          }
          tone={missed > 0 ? "red" : "neutral"}
          hint={`${missed} missed · ${services.length - judged.length} without data`}
        />
        <FigureTile
          label="Open incidents"
          value={open.length}
          tone={unacknowledged > 0 ? "red" : open.length > 0 ? "amber" : "neutral"}
          hint={open.length === 0 ? "none open · view all incidents" : `${unacknowledged} unacknowledged · view incidents`}
          href="/availability/incidents"
        />
        <FigureTile
          label="Worst error budget"
          value={worstFraction === null ? <NoData /> : formatBudget(worstFraction)}
          tone={worstFraction === null ? "neutral" : worstFraction < 0 ? "red" : worstFraction < 0.25 ? "amber" : "neutral"}
          hint={worst ? `${worst.service.name}${worstFraction! < 0 ? " · overspent" : " remaining"}` : "no samples in this range"}
          href={worst ? `/availability/services/${worst.service.key}?range=${range}` : undefined}
        />
      </div>
      <Card>
        <CardHeader
          title="Composite availability"
          description="Weighted across services: Inference API 40%, training pipeline 20%, model registry 15%, feature store 15%, monitoring 10%. Healthy counts fully, degraded half."
        />
        <CompositeChart
          data={overview.compositeSeries.map((p) => ({ t: p.t.getTime(), composite: p.composite }))}
          grain={window.grain}
          caption={caption}
        />
      </Card>
      <Card>
        <CardHeader
          id="services-heading"
          title="Services"
          description={`Uptime over the last ${window.label.toLowerCase()} against each SLA target, and the last 90 UTC days.`}
        />
        <ul aria-labelledby="services-heading" className="divide-y divide-zinc-100">
          {services.map((card) => (
            <ServiceRowItem key={card.service.id} card={card} range={range} />
          ))}
        </ul>
      </Card>
    </div>
  );
}
