"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field, FieldError, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import type { RequestRow } from "@/lib/privacy/rows";
import { humanize } from "./purpose-options";

export const REQUEST_TYPE_OPTIONS = ["access", "rectification", "deletion", "portability", "consent_withdrawal"] as const;

export function CreateRequestForm({
  action,
  assignees,
  onDone,
  onCancel,
}: {
  action: FormAction;
  assignees: { id: string; name: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field
        label="Subject identifier"
        name="subjectId"
        autoComplete="off"
        hint="Pseudonymized at once: Assay never stores it."
        errors={errorsFor(errors, "subjectId")}
      />
      <div className="grid grid-cols-2 gap-4">
        <div>
          <label htmlFor="request-type" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Request type
          </label>
          <select id="request-type" name="type" className={inputClass}>
            {REQUEST_TYPE_OPTIONS.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
          <FieldError errors={errorsFor(errors, "type")} />
        </div>
        <Field
          label="Due in (days)"
          name="dueInDays"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={30}
          errors={errorsFor(errors, "dueInDays")}
        />
      </div>
      <div>
        <label htmlFor="request-assignee" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
          Assignee
        </label>
        <select id="request-assignee" name="assigneeId" className={inputClass} defaultValue="">
          <option value="">Unassigned</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <FieldError errors={errorsFor(errors, "assigneeId")} />
      </div>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Logging…">
          Log request
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

const EFFECT: Record<string, string> = {
  deletion: "Deletes every consent record of this subject and unlinks all their requests. This cannot be undone.",
  consent_withdrawal: "Appends a withdrawal of every purpose the subject has currently granted.",
  access: "Marks the request complete. Send the subject the access report first.",
  portability: "Marks the request complete. Send the subject the JSON report first.",
  rectification: "Marks the request complete; describe the correction below.",
};

export function FulfilRequestForm({
  request,
  action,
  onDone,
  onCancel,
}: {
  request: RequestRow;
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="requestId" value={request.id} />
      <Notice tone={request.type === "deletion" ? "warning" : "info"}>{EFFECT[request.type]}</Notice>
      <Field label="Resolution note" name="resolution" autoComplete="off" placeholder="optional" errors={errorsFor(errors, "resolution")} />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton variant={request.type === "deletion" ? "danger" : "primary"} pending={pending} pendingLabel="Completing…">
          {request.type === "deletion" ? "Erase and complete" : "Complete request"}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
