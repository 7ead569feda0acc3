"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { SelectField } from "@/components/ui/select-field";

/** Links evidence already uploaded (for another test, say) to this one: one file, several tests. */
export function AttachEvidenceForm({
  action,
  hidden,
  field,
  options,
  label,
  hideLabel = false,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  field: string;
  options: { value: string; label: string }[];
  label: string;
  hideLabel?: boolean;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        label={label}
        name={field}
        options={options}
        placeholder="Choose evidence…"
        errors={errorsFor(fieldErrorsOf(state), field)}
        className={`min-w-64 flex-1 ${hideLabel ? "[&_label]:sr-only" : ""}`}
      />
      <SubmitButton pending={pending} pendingLabel="Attaching…" size="sm" variant="secondary" className="mb-px">
        Attach
      </SubmitButton>
      <FormMessage state={state} className="w-full" />
    </form>
  );
}
