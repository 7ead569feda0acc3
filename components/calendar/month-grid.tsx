import { eachDayOfInterval, endOfISOWeek, endOfMonth, format, parseISO, startOfISOWeek } from "date-fns";
import Link from "next/link";
import { STATE_LABELS } from "@/lib/controls/vocabulary";
import type { CalendarItem } from "./calendar-item";
import { STATE_STYLE } from "./state-style";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PER_DAY = 4;

/** The days a month grid shows: whole ISO weeks (Monday first) around the month. */
export function gridRange(month: string): { from: string; to: string } {
  const first = parseISO(`${month}-01`);
  return { from: format(startOfISOWeek(first), "yyyy-MM-dd"), to: format(endOfISOWeek(endOfMonth(first)), "yyyy-MM-dd") };
}

/**
 * A month as a table of weeks. Each test sits on its due day as a link coloured by state
 * (the state is also in its accessible name); a crowded day links to the agenda for the rest.
 */
export function MonthGrid({
  month,
  items,
  today,
  moreHref,
}: {
  month: string;
  items: CalendarItem[];
  today: string;
  moreHref: (day: string) => string;
}) {
  const { from, to } = gridRange(month);
  const days = eachDayOfInterval({ start: parseISO(from), end: parseISO(to) }).map((d) => format(d, "yyyy-MM-dd"));
  const byDay = new Map<string, CalendarItem[]>();
  for (const item of items) byDay.set(item.dueOn, [...(byDay.get(item.dueOn) ?? []), item]);
  const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  return (
    <table className="w-full table-fixed border-collapse text-left">
      <caption className="sr-only">{format(parseISO(`${month}-01`), "MMMM yyyy")}: tests by due day</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className="border-b border-zinc-200 px-2 py-1.5 text-xs font-medium text-zinc-500">
              <abbr title={d} className="no-underline">
                {d.slice(0, 3)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const inMonth = day.startsWith(month);
              const list = byDay.get(day) ?? [];
              return (
                <td key={day} className={`h-28 border border-zinc-100 p-1.5 align-top ${inMonth ? "bg-white" : "bg-zinc-50"}`}>
                  <div className="mb-1 flex items-center justify-between">
                    <span
                      className={`inline-grid size-6 place-items-center rounded-full text-xs tabular-nums ${day === today ? "bg-accent-600 font-semibold text-white" : inMonth ? "text-zinc-700" : "text-zinc-400"}`}
                      aria-label={day === today ? `${day}, today` : undefined}
                    >
                      {Number(day.slice(8))}
                    </span>
                  </div>
                  <ul className="space-y-1">
                    {list.slice(0, PER_DAY).map((item) => (
                      <li key={item.id}>
                        <Link
                          href={`/controls/tests/${item.id}`}
                          aria-label={`${item.controlCode} ${item.controlName}, due ${item.dueOn}: ${STATE_LABELS[item.state]}`}
                          title={`${item.controlCode} ${item.controlName} · ${item.ownerName} · ${STATE_LABELS[item.state]}`}
                          className={`flex items-center gap-1 truncate rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset hover:brightness-95 ${STATE_STYLE[item.state].chip}`}
                        >
                          <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${STATE_STYLE[item.state].dot}`} />
                          <span className="truncate">
                            {item.controlCode} {item.controlName}
                          </span>
                        </Link>
                      </li>
                    ))}
                    {list.length > PER_DAY ? (
                      <li>
                        <Link href={moreHref(day)} className="block px-1.5 text-[11px] font-medium text-accent-700 hover:underline">
                          +{list.length - PER_DAY} more
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
