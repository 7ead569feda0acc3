"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { Notice } from "@/components/ui/form-message";
import { formatUtc } from "./event-display";
import { useVerification } from "./use-verification";
import { VerifyProgressBar } from "./verify-progress";
import { VerifyResultPanel } from "./verify-result";
import { parseCheckpointFile, type CheckpointFile } from "./verify-wire";

function seqValue(data: FormData, name: string): number | undefined {
  const v = data.get(name);
  return typeof v === "string" && v.trim() ? Number(v) : undefined;
}

/** "Verify chain": the whole log or a range, optionally against a checkpoint kept outside Assay. */
export function VerifyForm({ headSeq }: { headSeq: number }) {
  const { run, start, cancel } = useVerification();
  const [scope, setScope] = useState<"all" | "range">("all");
  const [checkpoint, setCheckpoint] = useState<CheckpointFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const running = run.status === "running";
  const serverErrors = run.status === "error" ? run.fieldErrors : {};

  async function chooseFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setCheckpoint(null);
    setFileError(null);
    if (!file) return;
    const parsed = parseCheckpointFile(await file.text());
    if (typeof parsed === "string") setFileError(parsed);
    else setCheckpoint(parsed);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fromSeq = scope === "range" ? seqValue(data, "fromSeq") : undefined;
    const toSeq = scope === "range" ? seqValue(data, "toSeq") : undefined;
    const bad = [fromSeq, toSeq].some((n) => n !== undefined && (!Number.isInteger(n) || n < 1));
    if (bad || (fromSeq !== undefined && toSeq !== undefined && fromSeq > toSeq)) {
      setRangeError(bad ? "Sequence numbers are whole numbers from 1." : "The range must start before it ends.");
      return;
    }
    setRangeError(null);
    if (fileError) return;
    void start({ fromSeq, toSeq, checkpoint: checkpoint ?? undefined });
  }

  const rangeErrors = [rangeError, ...(serverErrors.fromSeq ?? []), ...(serverErrors.toSeq ?? [])].filter((e): e is string => Boolean(e));
  const checkpointErrors = [fileError, ...Object.entries(serverErrors).flatMap(([k, v]) => (k.startsWith("checkpoint") ? v : []))].filter(
    (e): e is string => Boolean(e),
  );

  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-5">
        <fieldset disabled={running} aria-describedby={rangeErrors.length ? "verify-range-error" : undefined}>
          <legend className="mb-2 text-[13px] font-medium text-zinc-800">What to verify</legend>
          <div className="space-y-2 text-[13px] text-zinc-800">
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="scope"
                value="all"
                checked={scope === "all"}
                onChange={() => setScope("all")}
                className="accent-accent-600"
              />
              The whole log <span className="text-zinc-500">(sequence 1 to the head, {headSeq.toLocaleString("en-US")} now)</span>
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="scope"
                value="range"
                checked={scope === "range"}
                onChange={() => setScope("range")}
                className="accent-accent-600"
              />
              A sequence range
            </label>
          </div>
          {scope === "range" ? (
            <div className="mt-3 grid max-w-md grid-cols-2 gap-3 pl-6">
              <Field label="From sequence" name="fromSeq" type="number" min={1} inputMode="numeric" placeholder="1" />
              <Field label="To sequence" name="toSeq" type="number" min={1} inputMode="numeric" placeholder={String(headSeq)} />
            </div>
          ) : null}
          <FieldError id="verify-range-error" errors={rangeErrors} />
        </fieldset>

        <div className="max-w-xl">
          <label htmlFor="verify-checkpoint" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            External checkpoint <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input
            id="verify-checkpoint"
            type="file"
            accept="application/json,.json"
            onChange={chooseFile}
            disabled={running}
            aria-describedby="verify-checkpoint-hint"
            aria-invalid={checkpointErrors.length > 0 || undefined}
            className="block w-full text-[13px] text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-[13px] file:font-medium file:text-zinc-800 hover:file:bg-zinc-50"
          />
          <p id="verify-checkpoint-hint" className="mt-1 text-xs text-zinc-500">
            A checkpoint you downloaded earlier and kept outside Assay. Checking against it detects a history rewritten or truncated since
            it was signed.
          </p>
          <FieldError errors={checkpointErrors} />
          {checkpoint ? (
            <p className="mt-2 text-xs text-zinc-700">
              Checkpoint at size <strong className="font-semibold tabular-nums">{checkpoint.size}</strong>, signed{" "}
              {formatUtc(checkpoint.time)} by key <code className="font-mono">{checkpoint.keyId}</code>.
            </p>
          ) : null}
        </div>

        <div className="flex items-center gap-2">
          <Button type="submit" disabled={running}>
            {running ? "Verifying…" : "Verify chain"}
          </Button>
          {running ? (
            <Button variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>

      {run.status !== "idle" ? <VerifyProgressBar progress={run.progress} running={running} /> : null}

      <div role="status" aria-live="polite" aria-atomic="true">
        {run.status === "done" ? <VerifyResultPanel result={run.result} /> : null}
        {run.status === "cancelled" ? (
          <Notice tone="warning">Verification cancelled. Nothing was proven; run it again to get a verdict.</Notice>
        ) : null}
        {run.status === "error" ? <Notice tone="error">{run.message}</Notice> : null}
      </div>
    </div>
  );
}
