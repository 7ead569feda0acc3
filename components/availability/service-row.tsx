import Link from "next/link";
import type { ServiceCard } from "@/lib/availability/queries";
import type { RangeKey, SampleStatus } from "@/lib/availability/vocabulary";
import { formatMs, formatPercent, formatUtc } from "@/components/format";
import { budgetTone, Fig, formatBudget, TONE_TEXT } from "./figures";
import { IncidentStateBadge, SeverityBadge, VerdictBadge } from "./status-badge";
import { StatusStrip } from "./status-strip";

const DOT: Record<SampleStatus | "none" | "paused", { dot: string; label: string }> = {
  healthy: { dot: "bg-emerald-500", label: "Healthy" },
  degraded: { dot: "bg-amber-500", label: "Degraded" },
  down: { dot: "bg-red-500", label: "Down" },
  none: { dot: "bg-zinc-300", label: "No samples yet" },
  paused: { dot: "bg-zinc-300", label: "Probing paused" },
};

/** The current state in words beside a dot (the colour only helps). */
export function CurrentStatus({ status, at, enabled }: { status: string | null; at: Date | null; enabled: boolean }) {
  const key = !enabled ? "paused" : status === "healthy" || status === "degraded" || status === "down" ? status : "none";
  const d = DOT[key];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-[13px] whitespace-nowrap text-zinc-700"
      title={at ? `Last sample ${formatUtc(at)}` : undefined}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {key === "down" ? <span className="absolute inline-flex size-full animate-ping rounded-full bg-red-400 opacity-60" /> : null}
        <span className={`relative inline-flex size-2 rounded-full ${d.dot}`} />
      </span>
      {d.label}
    </span>
  );
}

function Figure({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium text-zinc-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** One service on the overview: state, figures for the range, any open incident and 90 days. */
export function ServiceRowItem({ card, range }: { card: ServiceCard; range: RangeKey }) {
  const { service, figures, openIncident } = card;
  const fraction = figures.budget?.remainingFraction ?? null;
  return (
    <li className="px-5 py-4" data-service={service.key}>
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
        <div className="w-52 min-w-0">
          <Link
            href={`/availability/services/${service.key}?range=${range}`}
            className="text-sm font-semibold text-zinc-900 hover:text-accent-700 hover:underline"
          >
            {service.name}
          </Link>
          <div className="mt-1">
            <CurrentStatus status={service.lastStatus} at={service.lastSampleAt} enabled={service.enabled} />
          </div>
        </div>
        <dl className="grid flex-1 grid-cols-3 gap-x-6 gap-y-2 sm:min-w-[26rem]">
          <Figure label={`Uptime · target ${service.slaTarget}%`}>
            <span className="inline-flex items-center gap-2">
              <Fig value={figures.uptime} format={(v) => formatPercent(v)} reason="no known samples in this range" />
              <VerdictBadge verdict={figures.verdict} />
            </span>
          </Figure>
          <Figure label="p95 latency">
            <Fig value={figures.p95} format={formatMs} reason="no latency recorded in this range" />
          </Figure>
          <Figure label="Error budget left">
            <span className={TONE_TEXT[budgetTone(fraction)]}>
              <Fig value={fraction} format={formatBudget} reason="no known samples in this range" />
            </span>
          </Figure>
        </dl>
        <div className="flex w-56 justify-end">
          {openIncident ? (
            <Link
              href={`/availability/incidents/${openIncident.id}`}
              className="inline-flex max-w-full items-center gap-1.5 rounded-md px-1.5 py-1 hover:bg-zinc-50"
              title={`${openIncident.title} · since ${formatUtc(openIncident.startedAt)}`}
            >
              <SeverityBadge severity={openIncident.severity} />
              <IncidentStateBadge acknowledged={openIncident.acknowledged} resolved={false} />
              <span className="sr-only">open incident: {openIncident.title}</span>
            </Link>
          ) : (
            <span className="text-xs text-zinc-400">No open incident</span>
          )}
        </div>
      </div>
      <StatusStrip className="mt-3" days={card.strip} target={service.slaTarget} label={service.name} />
    </li>
  );
}
