import { STATE_LABELS, type OccurrenceState } from "@/lib/controls/vocabulary";
import { STATE_STYLE } from "./state-style";

export function StateBadge({ state }: { state: OccurrenceState }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STATE_STYLE[state].chip}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${STATE_STYLE[state].dot}`} />
      {STATE_LABELS[state]}
    </span>
  );
}

export function StateLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-2">
      {(Object.keys(STATE_LABELS) as OccurrenceState[]).map((s) => (
        <li key={s}>
          <StateBadge state={s} />
        </li>
      ))}
    </ul>
  );
}
