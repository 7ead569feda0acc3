"use client";

import { ActionForm } from "./action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { AI_RELEVANCE, AI_RELEVANCE_LABELS, FREQUENCIES, FREQUENCY_LABELS } from "@/lib/controls/vocabulary";
import type { ControlRow } from "./control-row";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";

type Option = { value: string; label: string };

/** Create or edit a control. Changing the frequency or due day reschedules only future, unrecorded tests. */
export function ControlForm({
  action,
  control,
  people,
  criteria,
  onDone,
  onCancel,
}: {
  action: FormAction;
  control?: ControlRow;
  people: Option[];
  criteria: Option[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      {control ? <input type="hidden" name="controlId" value={control.id} /> : null}
      <div className="grid grid-cols-3 gap-4">
        <Field label="Code" name="code" defaultValue={control?.code} placeholder="CC6.1" required errors={errorsFor(errors, "code")} />
        <Field label="Name" name="name" defaultValue={control?.name} required className="col-span-2" errors={errorsFor(errors, "name")} />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Category" name="category" defaultValue={control?.category} required errors={errorsFor(errors, "category")} />
        <SelectField
          label="Owner"
          name="ownerId"
          options={people}
          defaultValue={control?.ownerId ?? ""}
          placeholder="Choose…"
          errors={errorsFor(errors, "ownerId")}
        />
      </div>
      <div className="grid grid-cols-3 gap-4">
        <SelectField
          label="Testing frequency"
          name="frequency"
          options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
          defaultValue={control?.frequency ?? "monthly"}
          errors={errorsFor(errors, "frequency")}
        />
        <Field
          label="Due day"
          name="dueDay"
          type="number"
          min={1}
          max={31}
          defaultValue={control?.dueDay ?? 31}
          hint="Of the interval's last month; 31 = its last day."
          errors={errorsFor(errors, "dueDay")}
        />
        <SelectField
          label="AI relevance"
          name="aiRelevance"
          options={AI_RELEVANCE.map((a) => ({ value: a, label: AI_RELEVANCE_LABELS[a] }))}
          defaultValue={control?.aiRelevance ?? "none"}
          errors={errorsFor(errors, "aiRelevance")}
        />
      </div>
      <TextareaField
        label="Description"
        name="description"
        defaultValue={control?.description}
        rows={2}
        errors={errorsFor(errors, "description")}
      />
      <TextareaField
        label="Test procedure"
        name="testProcedure"
        defaultValue={control?.testProcedure}
        rows={3}
        errors={errorsFor(errors, "testProcedure")}
      />
      <CheckboxGroup
        legend="SOC 2 Trust Services Criteria"
        name="criteria"
        options={criteria}
        defaultChecked={control?.criteria ?? []}
        columns={3}
        errors={errorsFor(errors, "criteria")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {control ? "Save control" : "Create control"}
        </SubmitButton>
      </FormFooter>
    </ActionForm>
  );
}
