"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Done = (message: string, state: ActionState) => void;

const THRESHOLD_HINT = "One per line: metric >= number or metric <= number, e.g. accuracy >= 0.9. Production approvals check them.";

export function RegisterModelForm({ action, onDone, onCancel }: { action: FormAction; onDone: Done; onCancel: () => void }) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div className="grid grid-cols-2 gap-4">
        <Field label="Name" name="name" autoComplete="off" required errors={errorsFor(errors, "name")} />
        <Field
          label="Key"
          name="key"
          autoComplete="off"
          required
          hint="Used in URLs and by CI: fraud-scorer"
          errors={errorsFor(errors, "key")}
        />
      </div>
      <Field
        label="Owner"
        name="owner"
        autoComplete="off"
        required
        hint="The team or person accountable for it."
        errors={errorsFor(errors, "owner")}
      />
      <TextareaField label="Description" name="description" rows={2} errors={errorsFor(errors, "description")} />
      <TextareaField
        label="Metric thresholds"
        name="thresholds"
        rows={3}
        hint={THRESHOLD_HINT}
        errors={errorsFor(errors, "thresholds")}
        inputClassName="font-mono text-[13px]"
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Registering…">
          Register model
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function ThresholdsForm({
  modelId,
  current,
  action,
  onDone,
  onCancel,
}: {
  modelId: string;
  current: string;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="modelId" value={modelId} />
      <TextareaField
        label="Metric thresholds"
        name="thresholds"
        rows={5}
        defaultValue={current}
        hint={THRESHOLD_HINT}
        errors={errorsFor(fieldErrorsOf(state), "thresholds")}
        inputClassName="font-mono text-[13px]"
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save thresholds
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
