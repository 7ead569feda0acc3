"use client";

import Image from "next/image";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";

export type Enrolment = { uri: string; secret: string; qrDataUrl: string };

function asEnrolment(data: Record<string, unknown> | undefined): Enrolment | null {
  const { uri, secret, qrDataUrl } = data ?? {};
  return typeof uri === "string" && typeof secret === "string" && typeof qrDataUrl === "string" ? { uri, secret, qrDataUrl } : null;
}

export function StartTotpForm({ action, onStarted }: { action: FormAction; onStarted: (enrolment: Enrolment) => void }) {
  const [state, formAction, pending] = useFormAction(action, (_message, next) => {
    const enrolment = next?.ok ? asEnrolment(next.data) : null;
    if (enrolment) onStarted(enrolment);
  });
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state && !state.ok ? state : null} />
      <SubmitButton pending={pending} pendingLabel="Preparing…">
        Set up two-factor sign-in
      </SubmitButton>
    </form>
  );
}

/** Step 1: the QR code (and the secret, for typing in); step 2: a code proves the app has it. */
export function ConfirmTotpForm({
  enrolment,
  action,
  onDone,
  onCancel,
}: {
  enrolment: Enrolment;
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <div className="grid grid-cols-[auto_1fr] gap-8">
      <div className="flex flex-col items-center">
        <Image
          src={enrolment.qrDataUrl}
          alt="QR code to scan with your authenticator app"
          width={180}
          height={180}
          unoptimized
          className="rounded-md border border-zinc-200"
        />
      </div>
      <div className="min-w-0 space-y-4">
        <ol className="list-decimal space-y-1 pl-4 text-[13px] text-zinc-600">
          <li>Scan the QR code with an authenticator app (1Password, Google Authenticator, Authy…).</li>
          <li>Can&apos;t scan it? Enter the secret key below by hand.</li>
          <li>Enter the 6-digit code the app shows to turn two-factor sign-in on.</li>
        </ol>
        <div>
          <label htmlFor="totp-secret" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Secret key
          </label>
          <input
            id="totp-secret"
            readOnly
            value={enrolment.secret}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} font-mono tracking-wider`}
          />
        </div>
        <form action={formAction} noValidate className="space-y-3">
          <Field
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            required
            errors={errorsFor(fieldErrorsOf(state), "code")}
            className="max-w-48 [&_input]:font-mono [&_input]:tracking-[0.3em]"
          />
          <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
          <div className="flex gap-2">
            <SubmitButton pending={pending} pendingLabel="Verifying…">
              Turn on
            </SubmitButton>
            <button type="button" onClick={onCancel} className="px-2 text-[13px] text-zinc-500 hover:text-zinc-800">
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function DisableTotpForm({ action, onDone }: { action: FormAction; onDone: (message: string) => void }) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="flex items-end gap-3">
      <Field
        label="Current code from your app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="123456"
        required
        errors={errorsFor(fieldErrorsOf(state), "code")}
        className="w-56 [&_input]:font-mono [&_input]:tracking-[0.3em]"
      />
      <div className={fieldErrorsOf(state)?.code ? "mb-5" : ""}>
        <SubmitButton pending={pending} pendingLabel="Turning off…" variant="danger">
          Turn off
        </SubmitButton>
      </div>
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
    </form>
  );
}
