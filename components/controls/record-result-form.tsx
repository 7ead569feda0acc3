"use client";

import { ActionForm } from "./action-form";
import { useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { RESULT_LABELS, RESULTS, type TestResult } from "@/lib/controls/vocabulary";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";

type Option = { value: string; label: string };

/**
 * Records a result, or (with `supersedes`) a correction of the standing record. A result
 * that is not a pass opens the remediation fields, which are then required.
 */
export function RecordResultForm({
  action,
  occurrenceId,
  people,
  currentUserId,
  today,
  defaultProcedure,
  evidence,
  supersedes,
}: {
  action: FormAction;
  occurrenceId: string;
  people: Option[];
  currentUserId: string;
  today: string;
  defaultProcedure: string;
  evidence: Option[];
  supersedes?: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<TestResult>("pass");
  // After a success the page shows the new locked record; the form starts over for a correction.
  const [state, formAction, pending] = useFormAction(action, () => {
    formRef.current?.reset();
    setResult("pass");
  });
  const errors = fieldErrorsOf(state);
  const correction = Boolean(supersedes);
  return (
    <ActionForm ref={formRef} action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="occurrenceId" value={occurrenceId} />
      {supersedes ? <input type="hidden" name="supersedesId" value={supersedes} /> : null}
      <fieldset aria-describedby={errorsFor(errors, "result").length ? "result-error" : undefined}>
        <legend className="mb-1.5 block text-[13px] font-medium text-zinc-800">Result</legend>
        <div className="flex gap-2">
          {RESULTS.map((r) => (
            <label
              key={r}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-[13px] ${result === r ? "border-accent-500 bg-accent-50" : "border-zinc-300"}`}
            >
              <input
                type="radio"
                name="result"
                value={r}
                checked={result === r}
                onChange={() => setResult(r)}
                className="accent-accent-600"
              />
              {RESULT_LABELS[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField label="Tester" name="testerId" options={people} defaultValue={currentUserId} errors={errorsFor(errors, "testerId")} />
        <Field
          label="Test date"
          name="testedOn"
          type="date"
          max={today}
          defaultValue={today}
          required
          errors={errorsFor(errors, "testedOn")}
        />
      </div>
      <TextareaField
        label="Test procedure followed"
        name="procedureFollowed"
        defaultValue={defaultProcedure}
        rows={3}
        errors={errorsFor(errors, "procedureFollowed")}
      />
      <TextareaField
        label="Findings"
        name="findings"
        rows={3}
        hint={result === "pass" ? "Optional for a pass." : "Required: what was wrong."}
        errors={errorsFor(errors, "findings")}
      />
      {evidence.length > 0 ? (
        <fieldset>
          <legend className="mb-1.5 block text-[13px] font-medium text-zinc-800">Evidence attached</legend>
          <div className="space-y-1.5 rounded-md border border-zinc-200 p-3">
            {evidence.map((e) => (
              <label key={e.value} className="flex items-center gap-2 text-[13px] text-zinc-800">
                <input type="checkbox" name="evidenceIds[]" value={e.value} defaultChecked className="size-4 accent-accent-600" />
                {e.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="text-xs text-zinc-500">No evidence is attached to this test yet: upload it below first if the result relies on it.</p>
      )}
      {result !== "pass" ? (
        <fieldset className="space-y-4 rounded-md border border-amber-200 bg-amber-50/50 p-3">
          <legend className="px-1 text-[13px] font-medium text-amber-900">Remediation (required when the result is not a pass)</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label="Remediation owner"
              name="remediationOwnerId"
              options={people}
              placeholder="Choose…"
              errors={errorsFor(errors, "remediationOwnerId")}
            />
            <Field label="Remediation due" name="remediationDueOn" type="date" min={today} errors={errorsFor(errors, "remediationDueOn")} />
          </div>
          <TextareaField label="Remediation plan" name="remediationPlan" rows={2} errors={errorsFor(errors, "remediationPlan")} />
        </fieldset>
      ) : null}
      {correction ? (
        <TextareaField
          label="Reason for the correction"
          name="correctionReason"
          rows={2}
          hint="Both records stay visible; this says why the earlier one was wrong."
          errors={errorsFor(errors, "correctionReason")}
        />
      ) : null}
      <FormMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pending={pending} pendingLabel="Recording…">
          {correction ? "Record correction" : "Record result"}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
