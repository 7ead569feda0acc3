import Form from "next/form";
import Link from "next/link";
import { formatUtc } from "@/components/audit/event-display";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/form-message";
import { ApproverList } from "./approver-list";
import type { AsOfView } from "./history-views";

type Props = { modelKey: string; modelName: string; value: string; error: string | null; asked: string | null; result: AsOfView | null };

/** "Which version was in production at T, and who approved it?": a plain GET form, so a link reproduces the answer. */
export function AsOfPanel({ modelKey, modelName, value, error, asked, result }: Props) {
  return (
    <div className="space-y-4 px-5 py-4">
      <Form action={`/models/${modelKey}`} scroll={false} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="as-of-input" className="mb-1.5 block text-[13px] font-medium text-zinc-800">
            Date and time (UTC)
          </label>
          <input
            id="as-of-input"
            name="asOf"
            type="datetime-local"
            step={1}
            required
            defaultValue={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "as-of-error" : undefined}
            className={`${inputClass} w-60`}
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Look up
        </button>
      </Form>
      <div role="status" aria-live="polite">
        {error ? (
          <p id="as-of-error" className="text-xs font-medium text-red-600">
            {error}
          </p>
        ) : asked === null ? null : result ? (
          <div className="rounded-md border border-emerald-200 bg-emerald-50/60 px-4 py-3 text-[13px] text-zinc-800">
            <p>
              At <strong className="font-medium">{formatUtc(asked)}</strong>, version{" "}
              <Link
                href={`/models/${modelKey}/versions/${encodeURIComponent(result.version)}`}
                className="font-mono font-semibold text-emerald-800 hover:underline"
              >
                {result.version}
              </Link>{" "}
              of {modelName} was in production: since {formatUtc(result.since)}
              {result.until ? `, until ${formatUtc(result.until)}` : ", and still is"}.
            </p>
            {result.requestId ? (
              <p className="mt-1 text-zinc-600">
                Requested by {result.requestedBy}
                {result.justification ? <>: “{result.justification}”</> : null} ·{" "}
                <Link href={`/models/requests/${result.requestId}`} className="font-medium text-accent-700 hover:underline">
                  the request
                </Link>
              </p>
            ) : null}
            <p className="mt-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Approved by</p>
            <ApproverList approvers={result.approvers} />
          </div>
        ) : (
          <Notice tone="info">
            No version of {modelName} was in production at {formatUtc(asked)}.
          </Notice>
        )}
      </div>
    </div>
  );
}
