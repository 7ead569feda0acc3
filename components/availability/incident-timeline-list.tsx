import { formatUtc } from "@/components/format";
import type { TimelineEntry } from "@/lib/availability/queries";
import type { IncidentUpdateKind } from "@/lib/availability/vocabulary";

const KIND: Record<IncidentUpdateKind, { label: string; dot: string }> = {
  detected: { label: "Detected", dot: "bg-red-500 ring-red-100" },
  opened: { label: "Opened", dot: "bg-red-500 ring-red-100" },
  acknowledged: { label: "Acknowledged", dot: "bg-amber-500 ring-amber-100" },
  update: { label: "Update", dot: "bg-zinc-400 ring-zinc-100" },
  resolved: { label: "Resolved", dot: "bg-emerald-500 ring-emerald-100" },
  recovered: { label: "Recovered", dot: "bg-emerald-500 ring-emerald-100" },
};

/** Who wrote an entry: a person, an API key, or Assay itself (automatic detection and recovery). */
function author(entry: TimelineEntry): string {
  if (entry.authorName) return entry.authorName;
  if (entry.apiKeyName) return `API key “${entry.apiKeyName}”`;
  return "Assay";
}

/** The incident's append-only timeline, oldest first, as an ordered list. */
export function IncidentTimelineList({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-[13px] text-zinc-500">No entries yet.</p>;
  return (
    <ol
      aria-label="Incident timeline"
      className="relative space-y-5 before:absolute before:top-2 before:bottom-2 before:left-[5px] before:w-px before:bg-zinc-200"
    >
      {entries.map((entry) => {
        const kind = KIND[entry.kind];
        return (
          <li key={entry.id} className="relative pl-7">
            <span aria-hidden="true" className={`absolute top-1.5 left-0 size-[11px] rounded-full ring-4 ${kind.dot}`} />
            <p className="flex flex-wrap items-baseline gap-x-2 text-[13px]">
              <span className="font-semibold text-zinc-900">{kind.label}</span>
              <span className="text-zinc-600">{author(entry)}</span>
              <span aria-hidden="true" className="text-zinc-300">
                ·
              </span>
              <time dateTime={entry.at.toISOString()} className="text-xs text-zinc-500 tabular-nums">
                {formatUtc(entry.at)}
              </time>
            </p>
            <p className="mt-1 text-[13px] leading-relaxed whitespace-pre-line text-zinc-700">{entry.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
