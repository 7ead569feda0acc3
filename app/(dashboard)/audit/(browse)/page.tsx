import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { toRowView } from "@/components/audit/audit-event-row";
import { AuditFilters } from "@/components/audit/audit-filters";
import { ChartSkeleton, RowsSkeleton } from "@/components/audit/audit-skeletons";
import { csvHref, listQuery, type AuditListView } from "@/components/audit/audit-url";
import { EventVolumeChart } from "@/components/audit/event-volume-chart";
import { volumeSeries } from "@/components/audit/volume-series";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { eventVolumeByDay, listAuditActors } from "@/lib/audit/queries";
import type { AuditFilter } from "@/lib/audit/schemas";
import { parseListParams } from "../list-params";
import { loadEventsPage } from "./load-page";

export const metadata: Metadata = { title: "Audit log" };

const CHART_DAYS = 30;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditEventsPage({ searchParams }: Props) {
  const user = await requirePagePermission("audit.read", "/audit");
  const { filter, view } = parseListParams(await searchParams);
  const actors = await listAuditActors();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and access in Assay, hash-chained in the order it happened. Filter it, open an event to see its canonical record and hash."
        actions={
          can(user.roles, "audit.export") ? (
            <a href={csvHref(view)} download className={buttonClass("secondary")}>
              Download CSV
            </a>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Event volume" description={`Events per day by type, last ${CHART_DAYS} days (UTC). Not filtered.`} />
          <Suspense fallback={<ChartSkeleton />}>
            <VolumeSection />
          </Suspense>
        </Card>
        {/* The pager's links land here (#events), not at the top of the page. */}
        <div id="events" className="scroll-mt-20">
          <Card>
            <AuditFilters view={view} actors={actors} />
            <Suspense key={listQuery(view)} fallback={<RowsSkeleton label="Loading events…" />}>
              <EventsSection filter={filter} view={view} />
            </Suspense>
          </Card>
        </div>
      </div>
    </>
  );
}

async function VolumeSection() {
  const rows = await eventVolumeByDay(CHART_DAYS);
  return <EventVolumeChart series={volumeSeries(rows, CHART_DAYS, new Date())} days={CHART_DAYS} />;
}

async function EventsSection({ filter, view }: { filter: AuditFilter; view: AuditListView }) {
  const page = await loadEventsPage(filter, view);
  return <AuditEventsTable rows={page.rows.map(toRowView)} view={view} next={page.next} previous={page.previous} />;
}
