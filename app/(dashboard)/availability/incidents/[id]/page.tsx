import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMinutes, formatUtcTime, minutesBetween } from "@/components/availability/incident-display";
import { AcknowledgeForm, AddUpdateForm, ResolveForm } from "@/components/availability/incident-forms";
import { IncidentTimelineList } from "@/components/availability/incident-timeline-list";
import { IncidentStateBadge, SeverityBadge } from "@/components/availability/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { acknowledgeIncidentAction, addIncidentUpdateAction, resolveIncidentAction } from "@/lib/availability/actions";
import { getIncidentDetail, listTimeline, type IncidentDetail } from "@/lib/availability/incidents/incident-queries";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";

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
            <>
              {!resolved && incident.acknowledgedAt === null ? (
                <Card>
                  <CardHeader title="Acknowledge" />
                  <CardBody>
                    <AcknowledgeForm action={acknowledgeIncidentAction} incidentId={incident.id} />
                  </CardBody>
                </Card>
              ) : null}
              <Card>
                <CardHeader title="Add update" description="Posted to the timeline with your name and the time." />
                <CardBody>
                  <AddUpdateForm action={addIncidentUpdateAction} incidentId={incident.id} />
                </CardBody>
              </Card>
              {!resolved || incident.rootCause === null ? (
                <Card>
                  <CardHeader
                    title={resolved ? "Record the root cause" : "Resolve"}
                    description={
                      resolved
                        ? "Assay closed this incident when the service recovered; name what caused it."
                        : "A root cause is required. The postmortem link can follow later."
                    }
                  />
                  <CardBody>
                    <ResolveForm
                      key={resolved ? "complete" : "resolve"}
                      action={resolveIncidentAction}
                      incidentId={incident.id}
                      alreadyResolved={resolved}
                    />
                  </CardBody>
                </Card>
              ) : null}
            </>
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

function Facts({ incident }: { incident: IncidentDetail }) {
  const now = new Date();
  const duration = minutesBetween(incident.startedAt, incident.resolvedAt ?? now);
  const facts: [string, React.ReactNode][] = [
    ["Started", formatUtcTime(incident.startedAt)],
    ["Detected", formatUtcTime(incident.detectedAt)],
    [
      "Acknowledged",
      incident.acknowledgedAt ? `${formatUtcTime(incident.acknowledgedAt)} by ${incident.acknowledgedByName ?? "—"}` : "Not yet",
    ],
    [
      "Time to acknowledge",
      incident.acknowledgedAt ? formatMinutes(Math.max(0, minutesBetween(incident.detectedAt, incident.acknowledgedAt))) : "—",
    ],
    [
      "Resolved",
      incident.resolvedAt
        ? `${formatUtcTime(incident.resolvedAt)}${incident.resolvedByName ? ` by ${incident.resolvedByName}` : " (recovered automatically)"}`
        : "Ongoing",
    ],
    ["Duration", incident.resolvedAt ? formatMinutes(duration) : `${formatMinutes(duration)} so far`],
    ["Root cause", incident.rootCause ?? <span className="text-zinc-400">Not recorded yet</span>],
    [
      "Postmortem",
      incident.postmortemUrl ? (
        <a href={incident.postmortemUrl} className="break-all text-accent-700 hover:underline" rel="noreferrer noopener" target="_blank">
          {incident.postmortemUrl}
        </a>
      ) : (
        <span className="text-zinc-400">None linked</span>
      ),
    ],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label} className={label === "Root cause" || label === "Postmortem" ? "sm:col-span-2" : ""}>
          <dt className="text-xs font-medium text-zinc-500">{label}</dt>
          <dd className="mt-0.5 text-[13px] whitespace-pre-line text-zinc-900 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
