import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "./copy-button";
import { formatCount } from "./event-display";
import { formatDuration } from "./verify-progress";
import type { VerifyResult } from "./verify-wire";

/** The verdict: success with what was proven, or the first failure and where it is. */
export function VerifyResultPanel({ result }: { result: VerifyResult }) {
  if (!result.ok && result.failure) {
    const { kind, seq, detail } = result.failure;
    return (
      <section aria-labelledby="verify-verdict" className="rounded-lg border border-red-200 bg-red-50/60 p-4">
        <h2 id="verify-verdict" className="flex flex-wrap items-center gap-2 text-sm font-semibold text-red-800">
          Verification failed
          <Badge tone="red">{kind}</Badge>
        </h2>
        <dl className="mt-3 grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-[13px]">
          <Term term="First failure">
            {seq !== null ? (
              <Link href={`/audit/events/${seq}`} className="font-medium text-red-800 underline">
                at sequence {seq}
              </Link>
            ) : (
              "in the log as a whole"
            )}
          </Term>
          <Term term="Detail">{detail}</Term>
          <Term term="Checked before it">
            {formatCount(result.checked)} events from sequence {result.fromSeq}
          </Term>
        </dl>
        <p className="mt-3 text-xs text-red-800">Everything after the first failure is unproven. The run is recorded in the audit log.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="verify-verdict" className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-4">
      <h2 id="verify-verdict" className="text-sm font-semibold text-emerald-800">
        Chain verified: {formatCount(result.checked)} events intact
      </h2>
      <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-[13px]">
        <Term term="Events checked">{formatCount(result.checked)}</Term>
        <Term term="Sequence range">
          {result.checked > 0 ? (
            <>
              {result.fromSeq}–
              <Link href={`/audit/events/${result.headSeq}`} className="font-medium text-emerald-800 underline">
                {result.headSeq}
              </Link>
            </>
          ) : (
            "empty"
          )}
        </Term>
        <Term term="Head sequence">
          <span className="tabular-nums">{result.headSeq}</span>
        </Term>
        <Term term="Head hash">
          <span className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs break-all">{result.headHash}</code>
            <CopyButton value={result.headHash} label="Copy head hash" />
          </span>
        </Term>
        <Term term="Last checkpoint matched">
          {result.lastCheckpoint
            ? `size ${result.lastCheckpoint.size} (${result.lastCheckpoint.source})`
            : "none in this range: a rewritten tail would not be detected"}
        </Term>
        <Term term="Checkpoints checked">{formatCount(result.checkpointsChecked)}</Term>
        <Term term="Time taken">{formatDuration(result.elapsedMs)}</Term>
      </dl>
    </section>
  );
}

function Term({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="min-w-0 text-zinc-900">{children}</dd>
    </>
  );
}
