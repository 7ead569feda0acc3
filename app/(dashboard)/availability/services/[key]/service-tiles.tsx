import {
  budgetTone,
  burnTone,
  Fig,
  FigureTile,
  formatBudget,
  formatBurn,
  MiniFigures,
  NoData,
  TONE_TEXT,
} from "@/components/availability/figures";
import { VerdictBadge } from "@/components/availability/status-badge";
import { formatCount, formatHours, formatMinutes, formatMs, formatPercent } from "@/components/format";
import type { ServiceDetail } from "@/lib/availability/queries";
import { incidentsHref, INCIDENTS_DEFAULTS } from "@/lib/availability/schemas";

/** A service page's figures for the range: uptime, error budget, latency, incidents and data coverage. */
export function ServiceTiles({ detail }: { detail: ServiceDetail }) {
  const { figures, service } = detail.card;
  const { burnRates, incidentStats: stats } = detail;
  const cov = figures.coverage;
  const fraction = figures.budget?.remainingFraction ?? null;
  const label = detail.window.label.toLowerCase();
  // A non-zero share never shows as 0%: a 2 h window in 90 days is "< 0.1%".
  const share = (n: number) =>
    cov.expected === 0 ? "—" : n > 0 && (100 * n) / cov.expected < 0.1 ? "< 0.1%" : formatPercent((100 * n) / cov.expected, 1);
  return (
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
        href={incidentsHref(INCIDENTS_DEFAULTS, { service: service.key })}
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
  );
}
