import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentTimelineList } from "@/components/availability/incident-timeline-list";
import { IncidentStateBadge, SeverityBadge } from "@/components/availability/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getIncidentDetail, listTimeline } from "@/lib/availability/queries";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { IncidentActions } from "./incident-actions";
import { Facts } from "./incident-facts";

export const metadata: Metadata = { title: "Incident" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("availability.read", `/availability/incidents/${id}`);
  if (!UUID.test(id)) notFound();
  const [incident, timeline] = await Promise.all([getIncidentDetail(id), listTimeline(id)]);
  if (!incident) notFound();
  const mayAct = can(user.roles, "availability.incidents");
  const resolved = incident.resolvedAt !== null;

  return (
    <>
      <p className="mb-2 text-[13px] print:hidden">
        <Link href="/availability/incidents" className="text-accent-700 hover:underline">
          ← All incidents
        </Link>
      </p>
      <PageHeader
        title={incident.title}
        description={
          <>
            <Link
              href={`/availability/services/${incident.serviceKey}`}
              className="font-medium text-zinc-700 hover:text-accent-700 hover:underline"
            >
              {incident.serviceName}
            </Link>{" "}
            · {incident.source === "auto" ? "detected automatically from failed probes" : `opened by ${incident.openedByName ?? "hand"}`}
          </>
        }
        actions={
          <>
            <SeverityBadge severity={incident.severity} long />
            <IncidentStateBadge acknowledged={incident.acknowledgedAt !== null} resolved={resolved} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-5">
        <div className="space-y-6 xl:col-span-3">
          <Card>
            <CardHeader title="Facts" description="Times in UTC." />
            <CardBody>
              <Facts incident={incident} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Timeline"
              description="Append-only: entries cannot be edited or removed. “Assay” marks automatic detection and recovery."
            />
            <CardBody>
              <IncidentTimelineList entries={timeline} />
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6 xl:col-span-2">
          {mayAct ? (
            <IncidentActions incident={incident} />
          ) : (
            <Card>
              <CardBody>
                <p className="text-[13px] text-zinc-500">Read-only: acknowledging and resolving incidents is for ops and admins.</p>
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
