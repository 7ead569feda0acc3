import { BurnDownChart, LatencyChart, StatusBarsChart } from "@/components/availability/availability-charts";
import { IncidentTimeline } from "@/components/availability/incident-timeline";
import { Card, CardHeader } from "@/components/ui/card";
import type { ServiceDetail } from "@/lib/availability/queries";

/** A service page's charts over the range: status, latency, error budget, and the incidents and maintenance. */
export function ServiceCharts({ detail }: { detail: ServiceDetail }) {
  const { window, card } = detail;
  const series = detail.series.map((p) => ({ ...p, t: p.t.getTime() }));
  return (
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
          description={`Budget of the whole range (${Number((100 - card.service.slaTarget).toFixed(3))}% of known samples), spent by down samples.`}
        />
        <BurnDownChart data={series} grain={window.grain} />
      </Card>
      <Card>
        <CardHeader
          title="Incidents and maintenance"
          description={`Over the last ${window.label.toLowerCase()}. Open incidents run to now.`}
        />
        <IncidentTimeline from={window.from} to={window.to} incidents={detail.incidents} maintenance={detail.maintenance} />
      </Card>
    </div>
  );
}
