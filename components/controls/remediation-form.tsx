"use client";

import { ActionForm } from "./action-form";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { REMEDIATION_LABELS, REMEDIATION_STATUSES, type RemediationStatus } from "@/lib/controls/vocabulary";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";

export function RemediationForm({
  action,
  remediationId,
  status,
}: {
  action: FormAction;
  remediationId: string;
  status: RemediationStatus;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="mt-3 space-y-3 border-t border-zinc-100 pt-3">
      <input type="hidden" name="remediationId" value={remediationId} />
      <SelectField
        label="Remediation status"
        name="status"
        defaultValue={status}
        options={REMEDIATION_STATUSES.map((s) => ({ value: s, label: REMEDIATION_LABELS[s] }))}
        errors={errorsFor(errors, "status")}
        className="max-w-56"
      />
      <TextareaField
        label="Closing note"
        name="closingNote"
        rows={2}
        hint="Required to close: how it was fixed."
        errors={errorsFor(errors, "closingNote")}
      />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingLabel="Saving…" size="sm">
        Save remediation
      </SubmitButton>
    </ActionForm>
  );
}
