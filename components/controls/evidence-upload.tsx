"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/form-message";
import { ACCEPTED_EXTENSIONS, formatBytes, MAX_EVIDENCE_BYTES } from "@/lib/controls/evidence-file";
import { TextareaField } from "@/components/ui/textarea-field";

type Problem = { detail?: string; errors?: { field: string; messages: string[] }[] };

/**
 * Uploads one file to /api/controls/evidence (a route handler: server actions cap request
 * bodies well below the evidence limit). The server checks size and type again and is the
 * only judge; the size check here only saves a pointless upload.
 */
export function EvidenceUpload({ occurrenceId, today }: { occurrenceId?: string; today: string }) {
  const router = useRouter();
  const fileId = useId();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; fields: Record<string, string[]> } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_EVIDENCE_BYTES) {
      const message = `The file is ${formatBytes(file.size)}; evidence files are limited to ${formatBytes(MAX_EVIDENCE_BYTES)}.`;
      setOutcome({ ok: false, message, fields: { file: [message] } });
      return;
    }
    setPending(true);
    try {
      const res = await fetch("/api/controls/evidence", { method: "POST", body: data });
      const body = (await res.json().catch(() => ({}))) as Problem & { filename?: string; sha256?: string };
      if (!res.ok) {
        const fields = Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.messages]));
        setOutcome({ ok: false, message: body.detail ?? "The upload failed.", fields });
        return;
      }
      setOutcome({ ok: true, message: `Uploaded ${body.filename} (SHA-256 ${body.sha256?.slice(0, 12)}…).`, fields: {} });
      form.reset();
      router.refresh();
    } catch {
      setOutcome({ ok: false, message: "The upload did not reach the server. Nothing was stored; try again.", fields: {} });
    } finally {
      setPending(false);
    }
  }

  const fileErrors = outcome?.fields.file ?? [];
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Upload evidence">
      {occurrenceId ? <input type="hidden" name="occurrenceId" value={occurrenceId} /> : null}
      <div>
        <label htmlFor={fileId} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
          Evidence file
        </label>
        <input
          id={fileId}
          type="file"
          name="file"
          required
          accept={ACCEPTED_EXTENSIONS.join(",")}
          aria-invalid={fileErrors.length > 0 || undefined}
          aria-describedby={`${fileId}-hint${fileErrors.length ? ` ${fileId}-error` : ""}`}
          className={`${inputClass} h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-2 file:py-1 file:text-[13px]`}
        />
        <p id={`${fileId}-hint`} className="mt-1 text-xs text-zinc-500">
          Up to {formatBytes(MAX_EVIDENCE_BYTES)}: screenshots (PNG, JPEG, GIF, WebP), PDF, CSV, text, Markdown, JSON, Excel or Word files.
        </p>
        <FieldError id={`${fileId}-error`} errors={fileErrors} />
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          label="Evidence date"
          name="evidenceDate"
          type="date"
          max={today}
          defaultValue={today}
          required
          hint="When it was true: decides the period it counts for."
          errors={outcome?.fields.evidenceDate}
        />
      </div>
      <TextareaField label="Description" name="description" rows={2} errors={outcome?.fields.description} />
      <div role="status" aria-live="polite">
        {outcome ? <Notice tone={outcome.ok ? "success" : "error"}>{outcome.message}</Notice> : null}
      </div>
      <SubmitButton pending={pending} pendingLabel="Uploading…" size="sm">
        Upload evidence
      </SubmitButton>
    </form>
  );
}
