"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import type { ModelCard } from "@/lib/governance/gates";
import { CardFields } from "./card-fields";

type Done = (message: string) => void;
const DIGEST_HINT = "SHA-256, 64 hex characters (sha256: prefix optional).";

export function RegisterVersionForm({
  modelId,
  action,
  onDone,
  onCancel,
}: {
  modelId: string;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="modelId" value={modelId} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Version" name="version" autoComplete="off" required placeholder="2.1.0" errors={errorsFor(errors, "version")} />
        <Field
          label="Artifact URI"
          name="artifactUri"
          autoComplete="off"
          required
          placeholder="s3://models/…/model.onnx"
          errors={errorsFor(errors, "artifactUri")}
        />
        <Field
          label="Artifact digest"
          name="artifactDigest"
          autoComplete="off"
          required
          hint={DIGEST_HINT}
          errors={errorsFor(errors, "artifactDigest")}
        />
        <Field
          label="Training data hash"
          name="trainingDataHash"
          autoComplete="off"
          required
          hint={DIGEST_HINT}
          errors={errorsFor(errors, "trainingDataHash")}
        />
      </div>
      <TextareaField
        label="Metrics"
        name="metrics"
        rows={3}
        placeholder={"accuracy = 0.93\nf1 = 0.88"}
        hint="One per line: name = number."
        errors={errorsFor(errors, "metrics")}
        inputClassName="font-mono text-[13px]"
      />
      <CardFields errors={errors} />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Registering…">
          Register version
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function ModelCardForm({
  versionId,
  card,
  action,
  onDone,
  onCancel,
}: {
  versionId: string;
  card: ModelCard;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="versionId" value={versionId} />
      <CardFields card={card} errors={fieldErrorsOf(state)} />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save model card
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export function ReplaceArtifactForm({
  versionId,
  hasOpenRequest,
  action,
  onDone,
  onCancel,
}: {
  versionId: string;
  hasOpenRequest: boolean;
  action: FormAction;
  onDone: Done;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="versionId" value={versionId} />
      {hasOpenRequest ? (
        <Notice tone="warning">
          This version has an open promotion request. Its approvals are bound to the current artifact and will be voided.
        </Notice>
      ) : null}
      <Field label="Artifact URI" name="artifactUri" autoComplete="off" required errors={errorsFor(errors, "artifactUri")} />
      <Field
        label="Artifact digest"
        name="artifactDigest"
        autoComplete="off"
        required
        hint={DIGEST_HINT}
        errors={errorsFor(errors, "artifactDigest")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Replacing…" variant={hasOpenRequest ? "danger" : "primary"}>
          Replace artifact
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
