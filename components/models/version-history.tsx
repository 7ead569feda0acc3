import { formatUtc } from "@/components/audit/event-display";
import { Badge } from "@/components/ui/badge";
import { describeHistoryEvent } from "@/lib/governance/history-text";

export type HistoryView = {
  seq: number;
  occurredAt: string;
  imported: boolean;
  action: string;
  outcome: string;
  actor: string | null;
  metadata: Record<string, unknown>;
};

/** Everything the audit log recorded about a version, newest first, refusals included. */
export function VersionHistory({ events }: { events: HistoryView[] }) {
  if (events.length === 0) return <p className="px-5 py-4 text-[13px] text-zinc-500">No recorded events.</p>;
  return (
    <ol className="divide-y divide-zinc-100">
      {events.map((e) => {
        const line = describeHistoryEvent(e.action, e.outcome, e.metadata);
        return (
          <li key={e.seq} className="grid grid-cols-[9.5rem_1fr] gap-4 px-5 py-2.5">
            <time dateTime={e.occurredAt} className="pt-0.5 text-xs tabular-nums text-zinc-500">
              {formatUtc(e.occurredAt)}
            </time>
            <div className="min-w-0 text-[13px]">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={line.tone}>{line.title}</Badge>
                <span className="text-zinc-600">{e.actor ?? "System"}</span>
                {e.imported ? (
                  <span className="text-xs text-zinc-400" title="Recorded in the audit log by the demo seed, with the time it states">
                    imported history
                  </span>
                ) : null}
              </p>
              {line.detail ? <p className="mt-1 text-xs break-words whitespace-pre-line text-zinc-500">{line.detail}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
