"use client";

import { ActionForm } from "@/components/controls/action-form";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import type { ServiceView } from "./service-forms";

/** A service's settings in the registry's edit dialog. */
export function EditServiceForm({
  service,
  action,
  onDone,
  onCancel,
}: {
  service: ServiceView;
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  const e = (name: string) => errorsFor(errors, name);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="id" value={service.id} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Name" name="name" defaultValue={service.name} errors={e("name")} />
        <Field label="Key" name="key" defaultValue={service.key} readOnly disabled hint="Fixed: samples and reports name it." />
      </div>
      <TextareaField label="Description" name="description" rows={2} defaultValue={service.description} errors={e("description")} />
      <Field
        label="Health URL"
        name="healthUrl"
        type="url"
        defaultValue={service.healthUrl ?? ""}
        placeholder="https://… (empty: the service pushes its own samples)"
        errors={e("healthUrl")}
      />
      <div className="grid grid-cols-3 gap-4">
        <Field
          label="SLA target (%)"
          name="slaTarget"
          type="number"
          step="0.001"
          inputMode="decimal"
          defaultValue={service.slaTarget}
          errors={e("slaTarget")}
        />
        <Field
          label="Composite weight"
          name="weight"
          type="number"
          step="0.001"
          inputMode="decimal"
          defaultValue={service.weight}
          hint="0–1; the five usually sum to 1."
          errors={e("weight")}
        />
        <Field
          label="Probe interval (s)"
          name="intervalSeconds"
          type="number"
          inputMode="numeric"
          defaultValue={service.intervalSeconds}
          errors={e("intervalSeconds")}
        />
        <Field
          label="Timeout (ms)"
          name="timeoutMs"
          type="number"
          inputMode="numeric"
          defaultValue={service.timeoutMs}
          errors={e("timeoutMs")}
        />
        <Field
          label="Degraded above (ms)"
          name="degradedLatencyMs"
          type="number"
          inputMode="numeric"
          defaultValue={service.degradedLatencyMs}
          errors={e("degradedLatencyMs")}
        />
        <div />
        <Field
          label="Open after N failures"
          name="failuresToOpen"
          type="number"
          inputMode="numeric"
          defaultValue={service.failuresToOpen}
          errors={e("failuresToOpen")}
        />
        <Field
          label="Resolve after M successes"
          name="successesToResolve"
          type="number"
          inputMode="numeric"
          defaultValue={service.successesToResolve}
          errors={e("successesToResolve")}
        />
      </div>
      <label className="flex items-center gap-2 text-[13px] text-zinc-800">
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={service.enabled}
          className="size-4 rounded border-zinc-300 accent-accent-600"
        />
        Probing enabled
      </label>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save service
        </SubmitButton>
      </FormFooter>
    </ActionForm>
  );
}

/** The raw-sample retention; rollups (and so every figure and report) are kept forever. */
export function RetentionForm({ action, days }: { action: FormAction; days: number }) {
  const [state, formAction, pending] = useFormAction(action);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="flex flex-wrap items-start gap-3">
      <Field
        label="Keep raw samples for (days)"
        name="rawRetentionDays"
        type="number"
        inputMode="numeric"
        min={7}
        max={3650}
        defaultValue={days}
        className="w-56"
        errors={errorsFor(errors, "rawRetentionDays")}
      />
      <SubmitButton className="mt-6" variant="secondary" pending={pending} pendingLabel="Saving…">
        Save retention
      </SubmitButton>
      <FormMessage state={state} className="mt-6 min-w-0 flex-1" />
    </ActionForm>
  );
}
