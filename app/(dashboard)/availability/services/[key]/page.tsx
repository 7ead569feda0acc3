import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BurnDownChart, LatencyChart, StatusBarsChart } from "@/components/availability/availability-charts";
import { AutoRefresh } from "@/components/availability/auto-refresh";
import {
  budgetTone,
  burnTone,
  Fig,
  FigureTile,
  formatBudget,
  formatBurn,
  formatCount,
  formatHours,
  formatMinutes,
  formatMs,
  formatPercent,
  formatUtc,
  MiniFigures,
  NoData,
  TONE_TEXT,
} from "@/components/availability/figures";
import { IncidentTimeline } from "@/components/availability/incident-timeline";
import { RangePicker } from "@/components/availability/range-picker";
import { CurrentStatus } from "@/components/availability/service-row";
import { ServiceSkeleton } from "@/components/availability/skeletons";
import { VerdictBadge } from "@/components/availability/status-badge";
import { StatusStrip } from "@/components/availability/status-strip";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getServiceByKey, type ServiceRow } from "@/lib/availability/queries";
import { isRangeKey, rollingWindow } from "@/lib/availability/rollups/ranges";
import { loadServiceDetail } from "@/lib/availability/views/views";
import type { RangeKey } from "@/lib/availability/vocabulary";
import { requirePagePermission } from "@/lib/auth/service";

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
  const raw = (await searchParams).range;
  const range: RangeKey = typeof raw === "string" && isRangeKey(raw) ? raw : "30d";
  return (
    <>
      <PageHeader
        title={service.name}
        description={
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
                {service.healthUrl ? (
                  <code className="font-mono break-all text-zinc-700">{service.healthUrl}</code>
                ) : (
                  <span>push only</span>
                )}
              </Meta>
            </span>
          </span>
        }
        actions={<RangePicker current={range} basePath={`/availability/services/${service.key}`} />}
      />
      <Suspense key={range} fallback={<ServiceSkeleton />}>
        <ServiceBody service={service} range={range} />
      </Suspense>
    </>
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
  const { figures } = detail.card;
  const { window, burnRates, incidentStats: stats } = detail;
  const cov = figures.coverage;
  const fraction = figures.budget?.remainingFraction ?? null;
  const series = detail.series.map((p) => ({ ...p, t: p.t.getTime() }));
  const label = window.label.toLowerCase();
  // A non-zero share never shows as 0%: a 2 h window in 90 days is "< 0.1%".
  const share = (n: number) =>
    cov.expected === 0 ? "—" : n > 0 && (100 * n) / cov.expected < 0.1 ? "< 0.1%" : formatPercent((100 * n) / cov.expected, 1);

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <AutoRefresh generatedAt={detail.generatedAt.toISOString()} />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <FigureTile
          label="Uptime"
          value={
            <>
              <Fig value={figures.uptime} format={(v) => formatPercent(v)} reason="no known samples in this range" />
              <VerdictBadge verdict={figures.verdict} />
            </>
          }
          tone={figures.verdict === "missed" ? "red" : "neutral"}
          hint={`target ${service.slaTarget}% · last ${label}`}
        >
          Healthy + degraded over known samples.
        </FigureTile>
        <FigureTile
          label="Error budget left"
          value={<span className={TONE_TEXT[budgetTone(fraction)]}>{fraction === null ? <NoData /> : formatBudget(fraction)}</span>}
          hint={
            figures.budget
              ? `${formatMinutes(figures.budget.spentMinutes)} down of ${formatMinutes(figures.budget.allowedMinutes)} allowed`
              : "no known samples"
          }
        >
          <MiniFigures
            caption="Burn rate (1× = on schedule)"
            items={(
              [
                ["1 h", burnRates.oneHour],
                ["6 h", burnRates.sixHours],
                ["24 h", burnRates.oneDay],
              ] as const
            ).map(([l, v]) => ({
              label: l,
              title: "1× spends the budget exactly on schedule",
              value: <span className={TONE_TEXT[burnTone(v)]}>{v === null ? <NoData /> : formatBurn(v)}</span>,
            }))}
          />
        </FigureTile>
        <FigureTile label="p95 latency" value={<Fig value={figures.p95} format={formatMs} />} hint={`last ${label}`}>
          <MiniFigures
            items={[
              { label: "p50", value: <Fig value={figures.p50} format={formatMs} /> },
              { label: "p95", value: <Fig value={figures.p95} format={formatMs} /> },
              { label: "p99", value: <Fig value={figures.p99} format={formatMs} /> },
            ]}
          />
        </FigureTile>
        <FigureTile
          label="Incidents"
          value={stats.failures}
          tone={detail.card.openIncident ? "amber" : "neutral"}
          hint={`started in range · ${formatMinutes(stats.downtimeMinutes)} of incident time`}
          href={`/availability/incidents?service=${service.key}`}
        >
          <MiniFigures
            items={[
              {
                label: "MTTR",
                title: "Mean time to resolve (start → resolved)",
                value: <Fig value={stats.mttrMinutes} format={formatMinutes} reason="nothing resolved in range" />,
              },
              {
                label: "MTBF",
                title: "Mean operating time between failures",
                value: <Fig value={stats.mtbfHours} format={formatHours} reason="no failures in range" />,
              },
              {
                label: "MTTA",
                title: "Mean time to acknowledge (detected → acknowledged)",
                value: <Fig value={stats.mttaMinutes} format={formatMinutes} reason="nothing acknowledged in range" />,
              },
            ]}
          />
        </FigureTile>
        <FigureTile
          label="Data coverage"
          value={cov.expected === 0 ? <NoData reason="no samples expected yet" /> : formatPercent(100 * cov.knownFraction, 1)}
          tone={cov.expected > 0 && cov.knownFraction < 0.95 ? "amber" : "neutral"}
          hint={`${formatCount(cov.expected)} samples expected`}
        >
          <MiniFigures
            items={[
              { label: "Known", title: "Recorded outside maintenance: the basis of every ratio", value: share(cov.known) },
              { label: "Maint.", title: "In maintenance: excluded, not counted as up", value: share(cov.maintenance) },
              { label: "Unknown", title: "Expected but never recorded: excluded, not counted as up", value: share(cov.unknown) },
            ]}
          />
        </FigureTile>
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Status per bucket"
            description={`Healthy, degraded, down, maintenance and unknown samples per ${window.grain}.`}
          />
          <StatusBarsChart data={series} grain={window.grain} />
        </Card>
        <Card>
          <CardHeader title="Latency" description={`p50, p95 and p99 per ${window.grain}, from the latency histograms.`} />
          <LatencyChart data={series} grain={window.grain} />
        </Card>
        <Card>
          <CardHeader
            title="Error budget burn-down"
            description={`Budget of the whole range (${Number((100 - service.slaTarget).toFixed(3))}% of known samples), spent by down samples.`}
          />
          <BurnDownChart data={series} grain={window.grain} />
        </Card>
        <Card>
          <CardHeader title="Incidents and maintenance" description={`Over the last ${label}. Open incidents run to now.`} />
          <IncidentTimeline from={window.from} to={window.to} incidents={detail.incidents} maintenance={detail.maintenance} />
        </Card>
      </div>

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
        {detail.maintenance.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-500">No maintenance windows in this range.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Maintenance windows</caption>
            <thead className="border-b border-zinc-100 text-xs text-zinc-500">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  Starts
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Ends
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Duration
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Scope
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {detail.maintenance.map((m) => (
                <tr key={m.id}>
                  <td className="px-5 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(m.startsAt)}</td>
                  <td className="px-5 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(m.endsAt)}</td>
                  <td className="px-5 py-2.5 whitespace-nowrap">{formatMinutes((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000)}</td>
                  <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">{m.serviceName ?? "All services"}</td>
                  <td className="px-5 py-2.5 text-zinc-600">{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
