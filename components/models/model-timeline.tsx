import Link from "next/link";
import { formatUtc } from "@/components/audit/event-display";
import { isModelStatus } from "@/lib/governance/lifecycle";
import { ApproverList } from "./approver-list";
import type { TimelineView } from "./history-views";
import { shortDigest } from "./model-display";
import { VersionStatusBadge } from "./status-badge";

const CAUSE: Record<TimelineView["cause"], string> = {
  registered: "Registered",
  promoted: "Promoted by an approved request",
  superseded: "Superseded by a newer production version",
};

/** The model's recorded status changes, newest first. */
export function ModelTimeline({ modelKey, entries }: { modelKey: string; entries: TimelineView[] }) {
  if (entries.length === 0) return <p className="px-5 py-4 text-[13px] text-zinc-500">Nothing has happened to this model yet.</p>;
  return (
    <ol className="divide-y divide-zinc-100">
      {entries.map((e) => (
        <li key={e.id} className="grid grid-cols-[9.5rem_1fr] gap-4 px-5 py-3">
          <time dateTime={e.occurredAt} className="pt-0.5 text-xs tabular-nums text-zinc-500">
            {formatUtc(e.occurredAt)}
          </time>
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-1.5 text-[13px]">
              <Link
                href={`/models/${modelKey}/versions/${encodeURIComponent(e.version)}`}
                className="font-mono font-medium text-zinc-900 hover:text-accent-700 hover:underline"
              >
                {e.version}
              </Link>
              {e.fromStatus && isModelStatus(e.fromStatus) ? (
                <>
                  <VersionStatusBadge status={e.fromStatus} />
                  <span aria-label="to">→</span>
                </>
              ) : null}
              {isModelStatus(e.toStatus) ? <VersionStatusBadge status={e.toStatus} /> : e.toStatus}
            </p>
            <p className="mt-0.5 text-xs text-zinc-500">
              {CAUSE[e.cause]}
              {e.requestId ? (
                <>
                  {" · "}
                  <Link href={`/models/requests/${e.requestId}`} className="font-medium text-accent-700 hover:underline">
                    request
                  </Link>
                </>
              ) : null}
              {" · artifact "}
              <code title={e.artifactDigest} className="font-mono">
                {shortDigest(e.artifactDigest)}
              </code>
            </p>
            <ApproverList approvers={e.approvers} />
          </div>
        </li>
      ))}
    </ol>
  );
}
