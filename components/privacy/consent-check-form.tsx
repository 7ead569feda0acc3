"use client";

import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field, FieldError, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { formatDate, REASON_LABELS, type PurposeOption } from "./purpose-options";

type Answer = { allowed: boolean; reason: string; explanation: string; purpose: string; allowedFields?: string[]; expiresAt?: string };

/** The same lookup as POST /api/v1/consent/check: allowed or not, why, and the fields it may use. */
export function ConsentCheckForm({ action, purposes }: { action: FormAction; purposes: PurposeOption[] }) {
  const [state, formAction, pending] = useFormAction(action);
  const errors = fieldErrorsOf(state);
  const answer = state?.ok ? (state.data as Answer | undefined) : undefined;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field
          label="Subject identifier"
          name="subjectId"
          autoComplete="off"
          placeholder="email or user id"
          errors={errorsFor(errors, "subjectId")}
        />
        <div>
          <label htmlFor="check-purpose" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Purpose
          </label>
          <select id="check-purpose" name="purpose" className={inputClass} defaultValue={purposes[0]?.key}>
            {purposes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError errors={errorsFor(errors, "purpose")} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Checking…" className="sm:mt-6">
          Check consent
        </SubmitButton>
      </div>
      <div role="status" aria-live="polite">
        {answer ? (
          <div
            className={`rounded-md border px-3 py-2.5 text-[13px] ${answer.allowed ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50"}`}
          >
            <p className="flex items-center gap-2 font-medium text-zinc-900">
              <Badge tone={answer.allowed ? "green" : "red"}>{answer.allowed ? "Allowed" : "Not allowed"}</Badge>
              {REASON_LABELS[answer.reason] ?? answer.reason} · {answer.purpose}
            </p>
            <p className="mt-1 text-zinc-700">{answer.explanation}</p>
            {answer.allowed ? (
              <p className="mt-1 text-zinc-700">
                May use: {answer.allowedFields?.length ? answer.allowedFields.join(", ") : "no fields"} · valid until{" "}
                {formatDate(answer.expiresAt ?? null)}
              </p>
            ) : null}
          </div>
        ) : state && !state.ok && state.formError ? (
          <p className="text-[13px] text-red-700">{state.formError}</p>
        ) : null}
      </div>
    </form>
  );
}
