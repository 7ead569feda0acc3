"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field, FieldError, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { humanize, type PurposeOption } from "./purpose-options";

const LEGAL_BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"];

/** Adds a purpose, or edits one (same key): its label and minimization rule. */
export function PurposeForm({
  action,
  purpose,
  onDone,
  onCancel,
}: {
  action: FormAction;
  purpose: PurposeOption | null;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {purpose ? (
        <input type="hidden" name="key" value={purpose.key} />
      ) : (
        <Field label="Key" name="key" placeholder="e.g. fraud_detection" errors={errorsFor(errors, "key")} />
      )}
      <Field label="Label" name="label" defaultValue={purpose?.label} errors={errorsFor(errors, "label")} />
      <Field label="Description" name="description" defaultValue={purpose?.description} errors={errorsFor(errors, "description")} />
      <Field
        label="Allowed fields"
        name="allowedFields"
        defaultValue={purpose?.allowedFields.join(", ")}
        hint="The data-minimization rule: the only fields this purpose may use, comma-separated. The consent check returns them."
        errors={errorsFor(errors, "allowedFields")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save purpose
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function ActivityForm({
  action,
  purposes,
  onDone,
  onCancel,
}: {
  action: FormAction;
  purposes: PurposeOption[];
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field label="Name" name="name" errors={errorsFor(errors, "name")} />
      <div className="grid grid-cols-2 gap-4">
        <div>
          <label htmlFor="activity-purpose" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Purpose
          </label>
          <select id="activity-purpose" name="purpose" className={inputClass}>
            {purposes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError errors={errorsFor(errors, "purpose")} />
        </div>
        <div>
          <label htmlFor="activity-basis" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Legal basis
          </label>
          <select id="activity-basis" name="legalBasis" className={inputClass}>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {humanize(b)}
              </option>
            ))}
          </select>
          <FieldError errors={errorsFor(errors, "legalBasis")} />
        </div>
      </div>
      <Field label="Data categories" name="dataCategories" hint="Comma-separated." errors={errorsFor(errors, "dataCategories")} />
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Retention (days)"
          name="retentionDays"
          type="number"
          min={1}
          defaultValue={365}
          errors={errorsFor(errors, "retentionDays")}
        />
        <Field label="Recipients" name="recipients" hint="Third parties, comma-separated." errors={errorsFor(errors, "recipients")} />
      </div>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add activity
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
