"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/controls/action-form";
import { Button, SubmitButton } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/availability/vocabulary";
import { utcTimes } from "./utc-times";

type ServiceOption = { id: string; name: string; hasOpenIncident: boolean };

/** The "Open incident" button and its dialog; on success, goes to the new incident. */
export function OpenIncidentButton({ action, services }: { action: FormAction; services: ServiceOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open incident</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Open incident"
        description="For an outage Assay did not detect itself, or one reported by a customer. Times are UTC."
      >
        <OpenIncidentForm action={action} services={services} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function OpenIncidentForm({ action, services, onCancel }: { action: FormAction; services: ServiceOption[]; onCancel: () => void }) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(utcTimes(action, ["startedAt"]), (_message, next) => {
    const id = next?.ok ? next.data?.id : undefined;
    if (typeof id === "string") router.push(`/availability/incidents/${id}`);
  });
  const errors = fieldErrorsOf(state);
  const firstFree = services.find((s) => !s.hasOpenIncident)?.id ?? "";
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <SelectField
        label="Service"
        name="serviceId"
        defaultValue={firstFree}
        placeholder="Choose a service…"
        options={services.map((s) => ({ value: s.id, label: s.hasOpenIncident ? `${s.name} (has an open incident)` : s.name }))}
        hint="A service has at most one open incident; add updates to it instead."
        errors={errorsFor(errors, "serviceId")}
      />
      <Field
        label="Title"
        name="title"
        autoComplete="off"
        placeholder="e.g. Elevated 5xx from the inference API"
        errors={errorsFor(errors, "title")}
      />
      <div className="grid grid-cols-2 gap-4">
        <SelectField
          label="Severity"
          name="severity"
          defaultValue="sev2"
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
          errors={errorsFor(errors, "severity")}
        />
        <Field
          label="Started at (UTC)"
          name="startedAt"
          type="datetime-local"
          hint="Leave empty for now."
          errors={errorsFor(errors, "startedAt")}
        />
      </div>
      <TextareaField
        label="Description"
        name="body"
        rows={3}
        placeholder="What is affected, who reported it, first observations."
        errors={errorsFor(errors, "body")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Opening…">
          Open incident
        </SubmitButton>
      </FormFooter>
    </ActionForm>
  );
}

/** One click: the incident's id is the only input. */
export function AcknowledgeForm({ action, incidentId }: { action: FormAction; incidentId: string }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <ActionForm action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={incidentId} />
      <p className="text-[13px] text-zinc-600">
        Tell the team you are on it. Acknowledging records you and the time; it stops the MTTA clock.
      </p>
      <SubmitButton pending={pending} pendingLabel="Acknowledging…">
        Acknowledge
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}

export function AddUpdateForm({ action, incidentId }: { action: FormAction; incidentId: string }) {
  // A new key after each success gives an empty textarea; a refused one keeps the text.
  const [generation, setGeneration] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <AddUpdateFields
        key={generation}
        action={action}
        incidentId={incidentId}
        onDone={(message) => {
          setFlash(message);
          setGeneration((g) => g + 1);
        }}
      />
      <div role="status" aria-live="polite">
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
    </div>
  );
}

function AddUpdateFields({ action, incidentId, onDone }: { action: FormAction; incidentId: string; onDone: (message: string) => void }) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="id" value={incidentId} />
      <TextareaField
        label="Update"
        name="body"
        rows={3}
        placeholder="What changed, what you are trying next."
        errors={errorsFor(errors, "body")}
      />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel="Adding…">
        Add update
      </SubmitButton>
    </ActionForm>
  );
}

/**
 * Resolves an open incident, or records the root cause of one Assay already closed when the
 * service recovered (its resolution time is kept, so that field is not offered).
 */
export function ResolveForm({ action, incidentId, alreadyResolved }: { action: FormAction; incidentId: string; alreadyResolved: boolean }) {
  const [state, formAction, pending] = useFormAction(utcTimes(action, ["resolvedAt"]));
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="id" value={incidentId} />
      <TextareaField
        label="Root cause"
        name="rootCause"
        rows={3}
        placeholder="e.g. A bad config push exhausted the GPU node pool."
        errors={errorsFor(errors, "rootCause")}
      />
      <Field
        label="Postmortem URL"
        name="postmortemUrl"
        type="url"
        autoComplete="off"
        placeholder="optional, https://…"
        errors={errorsFor(errors, "postmortemUrl")}
      />
      {alreadyResolved ? null : (
        <Field
          label="Resolved at (UTC)"
          name="resolvedAt"
          type="datetime-local"
          hint="Leave empty for now."
          errors={errorsFor(errors, "resolvedAt")}
        />
      )}
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingLabel={alreadyResolved ? "Saving…" : "Resolving…"}>
        {alreadyResolved ? "Record root cause" : "Resolve incident"}
      </SubmitButton>
    </ActionForm>
  );
}
