import { CompositeChart } from "@/components/availability/availability-charts";
import { FigureTile, formatBudget, NoData } from "@/components/availability/figures";
import { ServiceRowItem } from "@/components/availability/service-row";
import { formatPercent } from "@/components/format";
import { Card, CardHeader } from "@/components/ui/card";
import type { Overview } from "@/lib/availability/queries";
import { incidentsHref } from "@/lib/availability/schemas";
import type { RangeKey } from "@/lib/availability/vocabulary";

/** The overview's sections: the headline tiles, the composite chart and the list of services. */
export function OverviewTiles({ overview, range }: { overview: Overview; range: RangeKey }) {
  const { services, window } = overview;
  const judged = services.filter((s) => s.figures.verdict !== "unknown");
  const met = services.filter((s) => s.figures.verdict === "met").length;
  const missed = services.filter((s) => s.figures.verdict === "missed").length;
  const open = services.filter((s) => s.openIncident);
  const unacknowledged = open.filter((s) => !s.openIncident!.acknowledged).length;
  const worst = services
    .filter((s) => s.figures.budget)
    .sort((a, b) => a.figures.budget!.remainingFraction - b.figures.budget!.remainingFraction)[0];
  const worstFraction = worst?.figures.budget?.remainingFraction ?? null;
  return (
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
        href={incidentsHref()}
      />
      <FigureTile
        label="Worst error budget"
        value={worstFraction === null ? <NoData /> : formatBudget(worstFraction)}
        tone={worstFraction === null ? "neutral" : worstFraction < 0 ? "red" : worstFraction < 0.25 ? "amber" : "neutral"}
        hint={worst ? `${worst.service.name}${worstFraction! < 0 ? " · overspent" : " remaining"}` : "no samples in this range"}
        href={worst ? `/availability/services/${worst.service.key}?range=${range}` : undefined}
      />
    </div>
  );
}

/** The chart's caption: the range's composite and its lowest bucket. */
function compositeCaption({ composite, compositeSeries, window }: Overview): string {
  if (composite === null) return "No samples in this range yet.";
  const withData = compositeSeries.filter((p) => p.composite !== null);
  const lowest = withData.reduce<(typeof withData)[number] | null>((lo, p) => (lo === null || p.composite! < lo.composite! ? p : lo), null);
  const unit = window.grain === "hour" ? "hour" : "day";
  const when = (t: Date) =>
    `${t
      .toISOString()
      .slice(0, window.grain === "hour" ? 13 : 10)
      .replace("T", " ")}${window.grain === "hour" ? ":00 UTC" : ""}`;
  return `Composite ${formatPercent(composite)} over the last ${window.label.toLowerCase()}, per ${unit}${
    lowest ? `; lowest ${formatPercent(lowest.composite!)} on ${when(lowest.t)}` : ""
  }.`;
}

export function CompositeSection({ overview }: { overview: Overview }) {
  return (
    <Card>
      <CardHeader
        title="Composite availability"
        description="Weighted across services: Inference API 40%, training pipeline 20%, model registry 15%, feature store 15%, monitoring 10%. Healthy counts fully, degraded half."
      />
      <CompositeChart
        data={overview.compositeSeries.map((p) => ({ t: p.t.getTime(), composite: p.composite }))}
        grain={overview.window.grain}
        caption={compositeCaption(overview)}
      />
    </Card>
  );
}

export function ServicesSection({ overview, range }: { overview: Overview; range: RangeKey }) {
  return (
    <Card>
      <CardHeader
        id="services-heading"
        title="Services"
        description={`Uptime over the last ${overview.window.label.toLowerCase()} against each SLA target, and the last 90 UTC days.`}
      />
      <ul aria-labelledby="services-heading" className="divide-y divide-zinc-100">
        {overview.services.map((card) => (
          <ServiceRowItem key={card.service.id} card={card} range={range} />
        ))}
      </ul>
    </Card>
  );
}
