import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { formatMinutes } from "@/components/availability/incident-display";
import { IncidentFilters, IncidentPager, type IncidentListView } from "@/components/availability/incident-filters";
import { OpenIncidentButton } from "@/components/availability/incident-forms";
import { IncidentsTable } from "@/components/availability/incidents-table";
import { StatTile } from "@/components/home/stat-tile";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton, TilesSkeleton } from "@/components/ui/skeleton";
import { openIncidentAction } from "@/lib/availability/actions";
import { incidentSummary, INCIDENT_STATES, listIncidentsPage } from "@/lib/availability/incidents/incident-queries";
import { listServices, openIncidents } from "@/lib/availability/queries";
import { ServiceKey } from "@/lib/availability/schemas";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Incidents" };

const PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A stale or hand-edited link never breaks the page: a refused value falls back to its default. */
function parseView(params: SearchParams): IncidentListView {
  return {
    state: z
      .enum(INCIDENT_STATES)
      .catch("all")
      .parse(first(params.state) ?? "all"),
    service: ServiceKey.nullable()
      .catch(null)
      .parse(first(params.service) ?? null),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .catch(1)
      .parse(first(params.page) ?? 1),
  };
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("availability.read", "/availability/incidents");
  const view = parseView(await searchParams);
  const mayOpen = can(user.roles, "availability.incidents");
  const [services, open] = await Promise.all([listServices(), mayOpen ? openIncidents() : Promise.resolve(new Map())]);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Outages Assay detected from failed probes, and those opened by hand. Acknowledge, post updates and record the root cause: the timeline is the evidence auditors read (SOC 2 A1.2)."
        actions={
          mayOpen ? (
            <OpenIncidentButton
              action={openIncidentAction}
              services={services.map((s) => ({ id: s.id, name: s.name, hasOpenIncident: open.has(s.id) }))}
            />
          ) : null
        }
      />
      <Suspense fallback={<TilesSkeleton label="Loading incident figures…" />}>
        <Summary />
      </Suspense>
      <div className="mt-6">
        <Suspense key={`${view.state}-${view.service}-${view.page}`} fallback={<TableSkeleton label="Loading incidents…" rows={8} />}>
          <IncidentList view={view} services={services.map((s) => ({ key: s.key, name: s.name }))} />
        </Suspense>
      </div>
    </>
  );
}

async function Summary() {
  const summary = await incidentSummary();
  return (
    <section aria-label="Incident figures" className="grid grid-cols-2 gap-4 xl:grid-cols-4">
      <StatTile
        label="Open"
        value={summary.open}
        hint={summary.open === 0 ? "Every service is clear" : "Unresolved right now"}
        attention={summary.open > 0}
      />
      <StatTile
        label="Unacknowledged"
        value={summary.unacknowledged}
        hint="Open, and nobody has said they are on it"
        attention={summary.unacknowledged > 0}
      />
      <StatTile label="MTTR" value={formatMinutes(summary.stats.mttrMinutes)} hint={`Mean time to resolve, last ${summary.days} days`} />
      <StatTile
        label="MTTA"
        value={formatMinutes(summary.stats.mttaMinutes)}
        hint={`Mean time to acknowledge, last ${summary.days} days`}
      />
    </section>
  );
}

async function IncidentList({ view, services }: { view: IncidentListView; services: { key: string; name: string }[] }) {
  const { rows, total } = await listIncidentsPage({ state: view.state, serviceKey: view.service, page: view.page, pageSize: PAGE_SIZE });
  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-100 px-4 py-3">
        <IncidentFilters view={view} services={services} />
        <p className="text-xs text-zinc-500">Times in UTC</p>
      </div>
      <IncidentsTable rows={rows} filtered={view.state !== "all" || view.service !== null} />
      <IncidentPager view={view} total={total} pageSize={PAGE_SIZE} />
    </div>
  );
}
