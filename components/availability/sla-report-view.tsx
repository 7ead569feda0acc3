import Link from "next/link";
import type { SlaReport } from "@/lib/availability/queries";
import { formatCount, formatElapsed, formatFixedPercent, formatUtc } from "@/components/format";
import { minutesBetween } from "@/lib/time";
import { StatTile } from "@/components/home/stat-tile";
import { IncidentStateBadge, SeverityBadge, VerdictBadge } from "./status-badge";

const th = "px-3 py-2 text-xs font-medium whitespace-nowrap text-zinc-500 first:pl-4 last:pr-4";
const td = "px-3 py-2.5 align-top text-zinc-700 first:pl-4 last:pr-4 tabular-nums";
const num = `${td} text-right`;
const thNum = `${th} text-right`;

function Table({
  caption,
  head,
  children,
}: {
  caption: string;
  head: { label: string; numeric?: boolean; title?: string }[];
  children: React.ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-left text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 bg-zinc-50/80 print:bg-transparent">
            {head.map((h) => (
              <th key={h.label} scope="col" title={h.title} className={h.numeric ? thNum : th}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">{children}</tbody>
      </table>
    </div>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="break-inside-avoid-page rounded-lg border border-zinc-200 bg-white shadow-xs print:rounded-none print:border-0 print:shadow-none"
    >
      <header className="border-b border-zinc-100 px-5 py-3 print:px-0">
        <h2 id={id} className="text-sm font-semibold text-zinc-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-[13px] text-zinc-500">{description}</p> : null}
      </header>
      {children}
    </section>
  );
}

const budgetText = (fraction: number | undefined) =>
  fraction === undefined ? "—" : !Number.isFinite(fraction) ? "exhausted" : `${(100 * fraction).toFixed(1)}%`;

/** The printable SLA report: every figure the CSV files carry, in the same words. */
export function SlaReportView({ report }: { report: SlaReport }) {
  const met = report.services.filter((s) => s.figures.verdict === "met").length;
  const judged = report.services.filter((s) => s.figures.verdict !== "unknown").length;
  const incidents = report.services.flatMap((s) => s.incidents.map((i) => ({ ...i, service: s.service.name })));
  incidents.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  return (
    <div className="space-y-6">
      <section aria-label="Headline figures" className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <StatTile
          label="Composite availability"
          value={formatFixedPercent(report.composite)}
          hint="Weighted by service; degraded counts half"
        />
        <StatTile
          label="SLAs met"
          value={`${met} of ${judged}`}
          hint={judged < report.services.length ? `${report.services.length - judged} without data` : "Services judged on known samples"}
          attention={met < judged}
        />
        <StatTile label="Incidents started" value={report.services.reduce((n, s) => n + s.stats.failures, 0)} hint="Inside the period" />
        <StatTile
          label="Downtime"
          value={formatElapsed(report.services.reduce((n, s) => n + s.downtimeMinutes, 0))}
          hint="Down samples × probe interval, all services"
        />
      </section>

      <Section
        id="sla-levels"
        title="Service levels"
        description="Uptime = (healthy + degraded) ÷ known samples. Maintenance and unknown samples are excluded, not counted as up."
      >
        <Table
          caption="Service levels"
          head={[
            { label: "Service" },
            { label: "Target", numeric: true },
            { label: "Uptime", numeric: true },
            { label: "SLA" },
            { label: "Downtime", numeric: true },
            { label: "Error budget left", numeric: true },
            { label: "Incidents", numeric: true },
            { label: "MTTR", numeric: true, title: "Mean time to resolve" },
            { label: "MTBF", numeric: true, title: "Mean time between failures" },
            { label: "MTTA", numeric: true, title: "Mean time to acknowledge" },
          ]}
        >
          {report.services.map(({ service, figures, stats, downtimeMinutes }) => (
            <tr key={service.id}>
              <td className={`${td} font-medium whitespace-nowrap text-zinc-900`}>
                <Link href={`/availability/services/${service.key}`} className="hover:text-accent-700 hover:underline">
                  {service.name}
                </Link>
              </td>
              <td className={num}>{service.slaTarget}%</td>
              <td className={`${num} font-medium text-zinc-900`}>{formatFixedPercent(figures.uptime)}</td>
              <td className={td}>
                <VerdictBadge verdict={figures.verdict} />
              </td>
              <td className={num}>{formatCount(Math.round(downtimeMinutes))} min</td>
              <td className={`${num} ${figures.budget && figures.budget.remainingFraction < 0 ? "text-red-700" : ""}`}>
                {budgetText(figures.budget?.remainingFraction)}
              </td>
              <td className={num}>{stats.failures}</td>
              <td className={num}>{formatElapsed(stats.mttrMinutes)}</td>
              <td className={num}>{stats.mtbfHours === null ? "—" : formatElapsed(stats.mtbfHours * 60)}</td>
              <td className={num}>{formatElapsed(stats.mttaMinutes)}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section
        id="sla-samples"
        title="Samples and exclusions"
        description="Unknown: samples expected at the probe interval but never recorded. Coverage: known ÷ expected."
      >
        <Table
          caption="Samples and exclusions"
          head={[
            { label: "Service" },
            { label: "Healthy", numeric: true },
            { label: "Degraded", numeric: true },
            { label: "Down", numeric: true },
            { label: "Maintenance (excluded)", numeric: true },
            { label: "Unknown (excluded)", numeric: true },
            { label: "Data coverage", numeric: true },
            { label: "Weighted credit", numeric: true },
          ]}
        >
          {report.services.map(({ service, figures }) => (
            <tr key={service.id}>
              <td className={`${td} font-medium whitespace-nowrap text-zinc-900`}>{service.name}</td>
              <td className={num}>{formatCount(figures.counts.healthy)}</td>
              <td className={num}>{formatCount(figures.counts.degraded)}</td>
              <td className={num}>{formatCount(figures.counts.down)}</td>
              <td className={num}>{formatCount(figures.coverage.maintenance)}</td>
              <td className={num}>{formatCount(figures.coverage.unknown)}</td>
              <td className={num}>{formatFixedPercent(100 * figures.coverage.knownFraction, 2)}</td>
              <td className={num}>{formatFixedPercent(figures.credit)}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="sla-incidents" title="Incidents" description="Every incident overlapping the period, newest first.">
        {incidents.length === 0 ? (
          <p className="px-5 py-8 text-center text-[13px] text-zinc-500">No incidents in this range.</p>
        ) : (
          <Table
            caption="Incidents in the period"
            head={[
              { label: "Service" },
              { label: "Incident" },
              { label: "Severity" },
              { label: "State" },
              { label: "Started" },
              { label: "Duration", numeric: true },
              { label: "Acknowledged by" },
              { label: "Root cause" },
            ]}
          >
            {incidents.map((i) => (
              <tr key={i.id}>
                <td className={`${td} whitespace-nowrap`}>{i.service}</td>
                <td className={`${td} min-w-48`}>
                  <Link
                    href={`/availability/incidents/${i.id}`}
                    className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
                  >
                    {i.title}
                  </Link>
                  <span className="block text-xs text-zinc-500">{i.source === "auto" ? "Detected by Assay" : "Opened by hand"}</span>
                </td>
                <td className={td}>
                  <SeverityBadge severity={i.severity} />
                </td>
                <td className={td}>
                  <IncidentStateBadge acknowledged={i.acknowledgedAt !== null} resolved={i.resolvedAt !== null} />
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatUtc(i.startedAt)}</td>
                <td className={`${num} whitespace-nowrap`}>
                  {i.resolvedAt ? formatElapsed(minutesBetween(i.startedAt, i.resolvedAt)) : "ongoing"}
                </td>
                <td className={`${td} whitespace-nowrap`}>{i.acknowledgedByName ?? "—"}</td>
                <td className={`${td} max-w-72 text-zinc-600`}>{i.rootCause ?? <span className="text-zinc-400">Not recorded</span>}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section
        id="sla-maintenance"
        title="Maintenance windows"
        description="Samples inside these windows are excluded from every figure above."
      >
        {report.maintenance.length === 0 ? (
          <p className="px-5 py-8 text-center text-[13px] text-zinc-500">No maintenance in this range.</p>
        ) : (
          <Table
            caption="Maintenance windows in the period"
            head={[{ label: "Service" }, { label: "Starts" }, { label: "Ends" }, { label: "Length", numeric: true }, { label: "Reason" }]}
          >
            {report.maintenance.map((m) => (
              <tr key={m.id}>
                <td className={`${td} whitespace-nowrap`}>{m.serviceName ?? "All services"}</td>
                <td className={`${td} whitespace-nowrap`}>{formatUtc(m.startsAt)}</td>
                <td className={`${td} whitespace-nowrap`}>{formatUtc(m.endsAt)}</td>
                <td className={num}>{formatElapsed(minutesBetween(m.startsAt, m.endsAt))}</td>
                <td className={td}>{m.reason}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </div>
  );
}
