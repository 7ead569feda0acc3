import { AcknowledgeForm, AddUpdateForm, ResolveForm } from "@/components/availability/incident-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { acknowledgeIncidentAction, addIncidentUpdateAction, resolveIncidentAction } from "@/lib/availability/actions";
import type { IncidentDetail } from "@/lib/availability/queries";

/** What ops can do with an incident: acknowledge it, post updates, resolve it (or record the root cause of a recovery). */
export function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const resolved = incident.resolvedAt !== null;
  return (
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
  );
}
