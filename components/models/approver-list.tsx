import { formatUtc } from "@/components/audit/event-display";
import { roleLabel } from "./model-display";
import type { ApproverView } from "./history-views";

/** Who approved, in which role, when, and what they said. */
export function ApproverList({ approvers }: { approvers: ApproverView[] }) {
  if (approvers.length === 0) return null;
  return (
    <ul className="mt-1.5 space-y-1">
      {approvers.map((a) => (
        <li key={`${a.email}-${a.role}`} className="text-[13px] text-zinc-700">
          <span className="font-medium text-zinc-900">{a.name}</span> <span className="text-zinc-500">({roleLabel(a.role)})</span>
          <span className="text-xs text-zinc-500"> · {formatUtc(a.at)}</span>
          {a.comment ? <span className="block text-xs text-zinc-500">“{a.comment}”</span> : null}
        </li>
      ))}
    </ul>
  );
}
