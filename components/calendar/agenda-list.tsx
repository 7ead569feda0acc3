import { format, parseISO } from "date-fns";
import Link from "next/link";
import type { CalendarItem } from "./calendar-item";
import { StateBadge } from "./state-badge";

/** The same tests as a list by due day: easier to scan, to read aloud, and to print. */
export function AgendaList({ items, empty }: { items: CalendarItem[]; empty: React.ReactNode }) {
  if (items.length === 0) return <>{empty}</>;
  const days = [...new Set(items.map((i) => i.dueOn))];
  return (
    <ol className="divide-y divide-zinc-100">
      {days.map((day) => (
        <li key={day} id={`day-${day}`} className="scroll-mt-20 px-4 py-3">
          <h3 className="mb-2 text-xs font-semibold text-zinc-500">
            <time dateTime={day}>{format(parseISO(day), "EEEE d MMMM yyyy")}</time>
          </h3>
          <ul className="space-y-1.5">
            {items
              .filter((i) => i.dueOn === day)
              .map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[13px]">
                  <StateBadge state={item.state} />
                  <Link href={`/controls/tests/${item.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {item.controlCode} {item.controlName}
                  </Link>
                  <span className="text-zinc-500">{item.ownerName}</span>
                  <span className="text-xs text-zinc-400 tabular-nums">
                    covers {item.windowStart} – {item.windowEnd}
                    {item.testedOn ? ` · tested ${item.testedOn}` : ""}
                  </span>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
