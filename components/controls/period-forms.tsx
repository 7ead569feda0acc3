"use client";

import { ActionForm } from "./action-form";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";

export function CreatePeriodForm({
  action,
  defaults,
}: {
  action: FormAction;
  defaults: { name: string; startsOn: string; endsOn: string };
}) {
  const [state, formAction, pending] = useFormAction(action);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <Field label="Period name" name="name" defaultValue={defaults.name} required errors={errorsFor(errors, "name")} />
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="First day"
          name="startsOn"
          type="date"
          defaultValue={defaults.startsOn}
          required
          errors={errorsFor(errors, "startsOn")}
        />
        <Field label="Last day" name="endsOn" type="date" defaultValue={defaults.endsOn} required errors={errorsFor(errors, "endsOn")} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create period
      </SubmitButton>
    </ActionForm>
  );
}

/** Generates (or brings up to date) a period's schedule; running it again changes nothing. */
export function GenerateScheduleForm({
  action,
  periodId,
  periodName,
  generated,
}: {
  action: FormAction;
  periodId: string;
  periodName: string;
  generated: boolean;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <ActionForm action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <SubmitButton
        pending={pending}
        pendingLabel="Generating…"
        size="sm"
        variant={generated ? "secondary" : "primary"}
        aria-label={`${generated ? "Regenerate" : "Generate"} the schedule of ${periodName}`}
      >
        {generated ? "Regenerate schedule" : "Generate schedule"}
      </SubmitButton>
      <FormMessage state={state} className="min-w-0 flex-1" />
    </ActionForm>
  );
}
