import Link from "next/link";
import { formatMinutes, formatUtc } from "@/components/format";
import type { IncidentRow, MaintenanceRow } from "@/lib/availability/queries";
import { SEVERITY_LABELS, type Severity } from "@/lib/availability/vocabulary";
import { DAY_MS, MINUTE_MS, minutesBetween } from "@/lib/time";
import { IncidentStateBadge, SeverityBadge } from "./status-badge";

/** What the timeline needs of an incident and a maintenance window. */
type TimelineIncident = Pick<IncidentRow, "id" | "title" | "severity" | "startedAt" | "acknowledgedAt" | "resolvedAt">;
type TimelineMaintenance = Pick<MaintenanceRow, "id" | "serviceName" | "startsAt" | "endsAt" | "reason">;

const SEVERITY_BAR: Record<Severity, string> = {
  sev1: "bg-red-600 hover:bg-red-700",
  sev2: "bg-orange-500 hover:bg-orange-600",
  sev3: "bg-amber-400 hover:bg-amber-500",
  sev4: "bg-zinc-400 hover:bg-zinc-500",
};

type Span = { start: number; end: number };

/** Greedy lanes: each span goes in the first lane whose last span ended before it starts. */
function lanes<T extends Span>(spans: T[]): T[][] {
  const out: T[][] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const lane = out.find((l) => l.at(-1)!.end <= s.start);
    if (lane) lane.push(s);
    else out.push([s]);
  }
  return out;
}

/**
 * Incidents and maintenance windows as spans over the range. Each incident is a link (click,
 * or Tab and Enter) to its page; open incidents run to now with a hatched end.
 */
export function IncidentTimeline({
  from,
  to,
  incidents,
  maintenance,
}: {
  from: Date;
  to: Date;
  incidents: TimelineIncident[];
  maintenance: TimelineMaintenance[];
}) {
  const a = from.getTime();
  const b = to.getTime();
  const clamp = (t: number) => Math.max(a, Math.min(b, t));
  const pos = (s: Span) => ({
    left: `${((clamp(s.start) - a) / (b - a)) * 100}%`,
    width: `max(6px, ${((clamp(s.end) - clamp(s.start)) / (b - a)) * 100}%)`,
  });
  const incidentSpans = incidents.map((i) => ({ ...i, start: i.startedAt.getTime(), end: (i.resolvedAt ?? to).getTime() }));
  const maintenanceSpans = maintenance.map((m) => ({ ...m, start: m.startsAt.getTime(), end: m.endsAt.getTime() }));
  const incidentLanes = lanes(incidentSpans);
  const maintenanceLanes = lanes(maintenanceSpans);
  const ticks = Array.from({ length: 5 }, (_, i) => a + ((b - a) * i) / 4);
  const short = b - a <= 2 * DAY_MS;

  return (
    <figure className="px-5 pt-3 pb-4" data-chart="timeline">
      <figcaption className="mb-3 text-xs text-zinc-500">
        {incidents.length === 0 && maintenance.length === 0
          ? "No incidents or maintenance windows in this range."
          : `${incidents.length} incident${incidents.length === 1 ? "" : "s"} and ${maintenance.length} maintenance window${maintenance.length === 1 ? "" : "s"} in this range. Select an incident to open it.`}
      </figcaption>
      <div className="grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1.5 text-xs">
        <Row label="Maintenance" count={maintenanceLanes.length}>
          {maintenanceLanes.map((lane, li) => (
            <div key={li} className="relative h-5">
              {lane.map((m) => (
                <span
                  key={m.id}
                  role="img"
                  aria-label={`Maintenance ${formatUtc(m.startsAt)} to ${formatUtc(m.endsAt)}: ${m.reason}`}
                  title={`Maintenance · ${formatUtc(m.startsAt)} → ${formatUtc(m.endsAt)}\n${m.reason}${m.serviceName ? "" : " (all services)"}`}
                  className="absolute inset-y-0 rounded-sm bg-sky-300 bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgba(255,255,255,0.5)_3px_6px)]"
                  style={pos(m)}
                />
              ))}
            </div>
          ))}
        </Row>
        <Row label="Incidents" count={incidentLanes.length}>
          {incidentLanes.map((lane, li) => (
            <div key={li} className="relative h-5">
              {lane.map((i) => {
                const minutes = (i.end - i.start) / MINUTE_MS;
                const state = i.resolvedAt ? `resolved after ${formatMinutes(minutes)}` : "open";
                return (
                  <Link
                    key={i.id}
                    href={`/availability/incidents/${i.id}`}
                    aria-label={`${SEVERITY_LABELS[i.severity]} incident: ${i.title}, started ${formatUtc(i.startedAt)}, ${state}`}
                    title={`${SEVERITY_LABELS[i.severity]} · ${i.title}\n${formatUtc(i.startedAt)} · ${state}`}
                    className={`absolute inset-y-0 rounded-sm transition-colors ${SEVERITY_BAR[i.severity]} ${i.resolvedAt ? "" : "bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgba(255,255,255,0.45)_3px_6px)]"}`}
                    style={pos(i)}
                  />
                );
              })}
            </div>
          ))}
        </Row>
        <div />
        <div aria-hidden="true" className="relative mt-1 h-4 border-t border-zinc-200 text-[11px] text-zinc-400 tabular-nums">
          {ticks.map((t, i) => (
            <span
              key={t}
              className={`absolute top-1 ${i === 0 ? "" : i === ticks.length - 1 ? "-translate-x-full" : "-translate-x-1/2"}`}
              style={{ left: `${(i / (ticks.length - 1)) * 100}%` }}
            >
              {i === ticks.length - 1 ? "now" : short ? new Date(t).toISOString().slice(11, 16) : new Date(t).toISOString().slice(5, 10)}
            </span>
          ))}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-zinc-500">
        {(Object.keys(SEVERITY_BAR) as Severity[]).map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-2 w-3 rounded-sm ${SEVERITY_BAR[s].split(" ")[0]}`} />
            {SEVERITY_LABELS[s]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2 w-3 rounded-sm bg-sky-300" />
          Maintenance
        </span>
      </div>
      {incidents.length > 0 ? (
        <ul aria-label="Incidents in range" className="mt-4 divide-y divide-zinc-100 border-t border-zinc-100 text-[13px]">
          {incidents.slice(0, LISTED).map((i) => (
            <li key={i.id}>
              <Link href={`/availability/incidents/${i.id}`} className="flex items-center gap-2 py-2 hover:bg-zinc-50">
                <SeverityBadge severity={i.severity} />
                <span className="min-w-0 flex-1 truncate font-medium text-zinc-800">{i.title}</span>
                <span className="text-xs whitespace-nowrap text-zinc-500 tabular-nums">
                  {formatUtc(i.startedAt)} · {formatMinutes(minutesBetween(i.startedAt, i.resolvedAt ?? to))}
                </span>
                <IncidentStateBadge acknowledged={i.acknowledgedAt !== null} resolved={i.resolvedAt !== null} />
              </Link>
            </li>
          ))}
          {incidents.length > LISTED ? (
            <li className="py-2 text-xs text-zinc-500">and {incidents.length - LISTED} more (newest first)</li>
          ) : null}
        </ul>
      ) : null}
    </figure>
  );
}

const LISTED = 5;

function Row({ label, count, children }: { label: string; count: number; children: React.ReactNode }) {
  return (
    <>
      <div className="pt-0.5 font-medium text-zinc-500">{label}</div>
      <div className="space-y-1 rounded-sm bg-zinc-50 py-0.5">
        {count === 0 ? <div className="h-5 px-2 leading-5 text-zinc-400">none</div> : children}
      </div>
    </>
  );
}
