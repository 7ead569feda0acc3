"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import { FormMessage, Notice } from "@/components/ui/form-message";

type SignInAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type Step = { state: ActionState; email: string; password: string; needsCode: boolean };
const INITIAL: Step = { state: null, email: "", password: "", needsCode: false };
const CODE_STEP = new Set(["mfa_required", "invalid_code"]);

/** Email + password, then (for accounts with two-factor sign-in) the 6-digit code. */
export function SignInForm({ action, callbackUrl }: { action: SignInAction; callbackUrl: string }) {
  // Remounting with a new key is how "use another account" starts over.
  const [attempt, setAttempt] = useState(0);
  return <SignInSteps key={attempt} action={action} callbackUrl={callbackUrl} onRestart={() => setAttempt((n) => n + 1)} />;
}

function SignInSteps({ action, callbackUrl, onRestart }: { action: SignInAction; callbackUrl: string; onRestart: () => void }) {
  const [step, formAction, pending] = useActionState(async (prev: Step, formData: FormData): Promise<Step> => {
    const email = String(formData.get("email") ?? "");
    const password = String(formData.get("password") ?? "");
    // On success the action redirects and this value is never shown.
    const state = (await action(prev.state, formData)) ?? null;
    const needsCode = prev.needsCode
      ? !(state && !state.ok && state.code === "invalid_credentials")
      : Boolean(state && !state.ok && CODE_STEP.has(state.code));
    return { state, email, password, needsCode };
  }, INITIAL);

  const fieldErrors = step.state && !step.state.ok ? step.state.fieldErrors : undefined;
  const mfaPrompt = step.state && !step.state.ok && step.state.code === "mfa_required";

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {step.needsCode ? (
        <>
          <input type="hidden" name="email" value={step.email} />
          <input type="hidden" name="password" value={step.password} />
          <Notice tone="info">
            Two-step verification for <span className="font-medium text-zinc-900">{step.email}</span>. Open your authenticator app and enter
            the current code.
          </Notice>
          <Field
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            placeholder="123456"
            autoFocus
            required
            errors={errorsFor(fieldErrors, "code")}
            className="[&_input]:font-mono [&_input]:tracking-[0.3em]"
          />
          {mfaPrompt ? <div role="status" aria-live="polite" /> : <FormMessage state={step.state} />}
          <SubmitButton pending={pending} pendingLabel="Verifying…" className="w-full">
            Verify and sign in
          </SubmitButton>
          <button type="button" onClick={onRestart} className="w-full text-center text-[13px] text-zinc-500 hover:text-zinc-800">
            Use a different account
          </button>
        </>
      ) : (
        <>
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={step.email}
            required
            autoFocus
            errors={errorsFor(fieldErrors, "email")}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={errorsFor(fieldErrors, "password")}
          />
          <FormMessage state={step.state} />
          <SubmitButton pending={pending} pendingLabel="Signing in…" className="w-full">
            Sign in
          </SubmitButton>
        </>
      )}
    </form>
  );
}
