"use client";

import { useState } from "react";
import { Button, SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, errorsFor, Field, inputClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { API_SCOPES } from "@/lib/auth/permissions";
import { SCOPE_DESCRIPTIONS, type ApiKeyRow } from "./api-key-row";

const SCOPE_OPTIONS = API_SCOPES.map((scope) => ({ value: scope, label: scope, description: SCOPE_DESCRIPTIONS[scope] }));

export function CreateApiKeyForm({
  action,
  onCreated,
  onCancel,
}: {
  action: FormAction;
  onCreated: (token: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, (_message, next) => {
    const token = next?.ok ? next.data?.token : undefined;
    if (typeof token === "string") onCreated(token);
  });
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <Field
        label="Name"
        name="name"
        autoComplete="off"
        placeholder="e.g. inference-gateway (production)"
        required
        errors={errorsFor(errors, "name")}
      />
      <CheckboxGroup legend="Scopes" name="scopes" options={SCOPE_OPTIONS} columns={1} errors={errorsFor(errors, "scopes")} />
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Requests per minute"
          name="ratePerMinute"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={600}
          errors={errorsFor(errors, "ratePerMinute")}
        />
        <Field
          label="Requests per day"
          name="ratePerDay"
          type="number"
          inputMode="numeric"
          min={1}
          defaultValue={100000}
          errors={errorsFor(errors, "ratePerDay")}
        />
      </div>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

/** The one time the secret is visible: copy it, then it is gone. */
export function TokenReveal({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-4">
      <Notice tone="warning">
        <strong className="font-semibold">Copy this key now.</strong> Assay stores only a hash of it: once you close this dialog it cannot
        be shown again.
      </Notice>
      <div>
        <label htmlFor="new-api-key" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
          API key
        </label>
        <div className="flex gap-2">
          <input
            id="new-api-key"
            readOnly
            value={token}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} font-mono text-xs`}
          />
          <Button variant="secondary" onClick={copy}>
            {copied === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="mt-1 text-xs text-zinc-500">
          {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Copy failed: select the key and copy it by hand." : ""}
        </p>
      </div>
      <p className="text-xs text-zinc-500">
        Send it as <code className="font-mono">Authorization: Bearer assay_…</code>; <code className="font-mono">GET /api/v1/me</code>{" "}
        checks it.
      </p>
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

export function RevokeApiKeyForm({
  apiKey,
  action,
  onDone,
  onCancel,
}: {
  apiKey: ApiKeyRow;
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="keyId" value={apiKey.id} />
      <Notice tone="warning">
        Requests with <code className="font-mono">assay_{apiKey.prefix}_…</code> are refused from now on. Clients using it stop working
        until they get a new key.
      </Notice>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Revoking…" variant="danger">
          Revoke key
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
