import type { Metadata } from "next";
import { Suspense } from "react";
import { IncidentFilters, IncidentPager } from "@/components/availability/incident-filters";
import { OpenIncidentButton } from "@/components/availability/incident-forms";
import { IncidentsTable } from "@/components/availability/incidents-table";
import { formatElapsed } from "@/components/format";
import { StatTile } from "@/components/home/stat-tile";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton, TilesSkeleton } from "@/components/ui/skeleton";
import { openIncidentAction } from "@/lib/availability/actions";
import { incidentSummary, listIncidentsPage, listServices, openIncidents } from "@/lib/availability/queries";
import { INCIDENTS_DEFAULTS, parseIncidentsSearch, type IncidentsView } from "@/lib/availability/schemas";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { serialize } from "@/lib/serialized";

export const metadata: Metadata = { title: "Incidents" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("availability.read", "/availability/incidents");
  const view = parseIncidentsSearch(await searchParams);
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
      <StatTile label="MTTR" value={formatElapsed(summary.stats.mttrMinutes)} hint={`Mean time to resolve, last ${summary.days} days`} />
      <StatTile
        label="MTTA"
        value={formatElapsed(summary.stats.mttaMinutes)}
        hint={`Mean time to acknowledge, last ${summary.days} days`}
      />
    </section>
  );
}

async function IncidentList({ view, services }: { view: IncidentsView; services: { key: string; name: string }[] }) {
  const { rows, total } = await listIncidentsPage(view);
  const filtered = view.state !== INCIDENTS_DEFAULTS.state || view.service !== INCIDENTS_DEFAULTS.service;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-100 px-4 py-3">
        <IncidentFilters view={view} services={services} />
        <p className="text-xs text-zinc-500">Times in UTC</p>
      </div>
      <IncidentsTable rows={serialize(rows)} filtered={filtered} />
      <IncidentPager view={view} total={total} />
    </div>
  );
}
