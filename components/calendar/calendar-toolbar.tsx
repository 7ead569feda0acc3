import { addMonths, format, parseISO } from "date-fns";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { OCCURRENCE_STATES, STATE_LABELS } from "@/lib/controls/vocabulary";

export type CalendarView = { month: string; view: "month" | "agenda"; control?: string; owner?: string; state?: string };

export function calendarHref(v: CalendarView, change: Partial<CalendarView> = {}): string {
  const next = { ...v, ...change };
  const q = new URLSearchParams();
  q.set("month", next.month);
  if (next.view !== "month") q.set("view", next.view);
  if (next.control) q.set("control", next.control);
  if (next.owner) q.set("owner", next.owner);
  if (next.state) q.set("state", next.state);
  return `/controls/calendar?${q}`;
}

const select = `${inputClass} h-8 w-auto min-w-36 text-[13px]`;

/**
 * Month navigation, the view switch and the filters. The filters are a plain GET form: the
 * URL is the calendar's state, so a view can be linked, reloaded and used without script.
 */
export function CalendarToolbar({
  view,
  thisMonth,
  controls,
  owners,
}: {
  view: CalendarView;
  thisMonth: string;
  controls: { id: string; label: string }[];
  owners: { id: string; label: string }[];
}) {
  const shift = (n: number) => format(addMonths(parseISO(`${view.month}-01`), n), "yyyy-MM");
  return (
    <div className="space-y-3 border-b border-zinc-100 px-4 py-3 print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Link href={calendarHref(view, { month: shift(-1) })} className={buttonClass("secondary", "sm")} aria-label="Previous month">
            ←
          </Link>
          <h2 className="min-w-36 text-center text-sm font-semibold text-zinc-900" aria-live="polite">
            {format(parseISO(`${view.month}-01`), "MMMM yyyy")}
          </h2>
          <Link href={calendarHref(view, { month: shift(1) })} className={buttonClass("secondary", "sm")} aria-label="Next month">
            →
          </Link>
          {view.month !== thisMonth ? (
            <Link href={calendarHref(view, { month: thisMonth })} className={buttonClass("ghost", "sm")}>
              This month
            </Link>
          ) : null}
        </div>
        <div role="group" aria-label="View" className="inline-flex rounded-md border border-zinc-300 p-0.5">
          {(["month", "agenda"] as const).map((v) => (
            <Link
              key={v}
              href={calendarHref(view, { view: v })}
              aria-current={view.view === v ? "page" : undefined}
              className={`rounded px-2.5 py-1 text-[13px] font-medium ${view.view === v ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100"}`}
            >
              {v === "month" ? "Month" : "Agenda"}
            </Link>
          ))}
        </div>
      </div>
      <form method="get" action="/controls/calendar" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="month" value={view.month} />
        {view.view !== "month" ? <input type="hidden" name="view" value={view.view} /> : null}
        <label className="text-xs font-medium text-zinc-600">
          <span className="mb-1 block">Control</span>
          <select name="control" defaultValue={view.control ?? ""} className={select}>
            <option value="">All controls</option>
            {controls.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-zinc-600">
          <span className="mb-1 block">Owner</span>
          <select name="owner" defaultValue={view.owner ?? ""} className={select}>
            <option value="">Everyone</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-zinc-600">
          <span className="mb-1 block">State</span>
          <select name="state" defaultValue={view.state ?? ""} className={select}>
            <option value="">Any state</option>
            {OCCURRENCE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("primary", "sm")}>
          Apply filters
        </button>
        {view.control || view.owner || view.state ? (
          <Link href={calendarHref({ month: view.month, view: view.view })} className={buttonClass("ghost", "sm")}>
            Reset filters
          </Link>
        ) : null}
      </form>
    </div>
  );
}
