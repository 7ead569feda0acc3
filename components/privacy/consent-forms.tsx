"use client";

import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, errorsFor, Field, FieldError, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { CONSENT_TYPE_OPTIONS, type PurposeOption } from "./purpose-options";

const options = (purposes: PurposeOption[]) => purposes.map((p) => ({ value: p.key, label: p.label }));

function Select({
  id,
  label,
  name,
  children,
  errors,
}: {
  id: string;
  label: string;
  name: string;
  children: React.ReactNode;
  errors: string[];
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} className={inputClass} aria-invalid={errors.length > 0 || undefined}>
        {children}
      </select>
      <FieldError errors={errors} />
    </div>
  );
}

/** A new consent record (grant, refusal or withdrawal): history only grows. */
export function RecordConsentForm({
  action,
  purposes,
  onDone,
  onCancel,
}: {
  action: FormAction;
  purposes: PurposeOption[];
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
        <Select id="consent-type" label="Consent type" name="consentType" errors={errorsFor(errors, "consentType")}>
          {CONSENT_TYPE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <Select id="consent-status" label="Decision" name="status" errors={errorsFor(errors, "status")}>
          <option value="granted">Granted</option>
          <option value="refused">Refused</option>
        </Select>
      </div>
      <CheckboxGroup legend="Purposes" name="purposes" options={options(purposes)} errors={errorsFor(errors, "purposes")} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Policy version" name="policyVersion" defaultValue="2026-01" errors={errorsFor(errors, "policyVersion")} />
        <Field
          label="Valid for (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={365}
          errors={errorsFor(errors, "expiresInDays")}
        />
      </div>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Recording…">
          Record consent
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

/** A withdrawal is a new record; ticking nothing withdraws every purpose now granted. */
export function WithdrawConsentForm({
  action,
  purposes,
  onDone,
  onCancel,
}: {
  action: FormAction;
  purposes: PurposeOption[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field label="Subject identifier" name="subjectId" autoComplete="off" errors={errorsFor(errors, "subjectId")} />
      <CheckboxGroup
        legend="Purposes to withdraw (none ticked: all)"
        name="purposes"
        options={options(purposes)}
        errors={errorsFor(errors, "purposes")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton variant="danger" pending={pending} pendingLabel="Withdrawing…">
          Withdraw consent
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

/** All-or-nothing CSV import; a refusal lists every bad row by its line number. */
export function ImportConsentsForm({
  action,
  onDone,
  onCancel,
}: {
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state) ?? {};
  const rows = Object.entries(errors)
    .filter(([k]) => k.startsWith("row."))
    .map(([k, messages]) => ({ row: Number(k.slice(4)), message: messages.join(" ") }))
    .sort((a, b) => a.row - b.row);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field
        label="CSV file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        errors={errorsFor(errors, "file")}
        hint="Columns: subject_id, consent_type, status, purposes (separated by ;), policy_version, and optionally recorded_at, expires_at."
      />
      {rows.length > 0 ? (
        <div className="max-h-56 overflow-y-auto rounded-md border border-red-200">
          <table className="w-full text-left text-[13px]">
            <caption className="sr-only">Rows that were refused</caption>
            <thead className="bg-red-50 text-xs text-red-800">
              <tr>
                <th scope="col" className="px-3 py-1.5">
                  Row
                </th>
                <th scope="col" className="px-3 py-1.5">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-red-100">
              {rows.map((r) => (
                <tr key={r.row}>
                  <td className="px-3 py-1.5 tabular-nums">{r.row}</td>
                  <td className="px-3 py-1.5 text-zinc-700">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Importing…">
          Import
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
