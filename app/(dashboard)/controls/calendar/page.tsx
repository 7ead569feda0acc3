import type { Metadata } from "next";
import { AgendaList } from "@/components/calendar/agenda-list";
import { calendarHref, CalendarToolbar, type CalendarView } from "@/components/calendar/calendar-toolbar";
import { gridRange, MonthGrid } from "@/components/calendar/month-grid";
import { StateLegend } from "@/components/calendar/state-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { listOccurrences } from "@/lib/controls/calendar-queries";
import { listControls, listPeople } from "@/lib/controls/queries";
import { monthRange } from "@/lib/controls/schedule";
import { CalendarQuery } from "@/lib/controls/schemas";
import { todayUtc } from "@/lib/controls/today";

export const metadata: Metadata = { title: "Control-testing calendar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("controls.read", "/controls/calendar");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = CalendarQuery.parse(raw);
  const today = todayUtc();
  const thisMonth = today.slice(0, 7);
  const view: CalendarView = {
    month: query.month ?? thisMonth,
    view: query.view,
    control: query.control,
    owner: query.owner,
    state: query.state,
  };
  const range = view.view === "month" ? gridRange(view.month) : (({ start, end }) => ({ from: start, to: end }))(monthRange(view.month));
  const [items, controls, people] = await Promise.all([
    listOccurrences({ ...range, controlId: query.control, ownerId: query.owner, state: query.state }, today),
    listControls(),
    listPeople(),
  ]);
  const ownerIds = new Set(controls.map((c) => c.ownerId));
  const empty = (
    <EmptyState title="No tests in this view">
      {query.control || query.owner || query.state
        ? "Try other filters, or another month."
        : "Generate a period's schedule under Periods & readiness to fill the calendar."}
    </EmptyState>
  );
  return (
    <>
      <PageHeader
        title="Control-testing calendar"
        description="Every scheduled control test by its due day, coloured by state. Open a test to see its results and evidence, or to record them."
      />
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <CalendarToolbar
          view={view}
          thisMonth={thisMonth}
          controls={controls.map((c) => ({ id: c.id, label: `${c.code} ${c.name}` }))}
          owners={people.filter((p) => ownerIds.has(p.id)).map((p) => ({ id: p.id, label: p.name }))}
        />
        <div className="flex items-center justify-between gap-3 px-4 py-2.5">
          <StateLegend />
          <span className="text-xs text-zinc-500 tabular-nums">
            {items.filter((i) => i.dueOn.startsWith(view.month)).length} tests due this month
          </span>
        </div>
        {view.view === "month" ? (
          <div className="overflow-x-auto px-2 pb-2">
            <div className="min-w-[52rem]">
              <MonthGrid
                month={view.month}
                items={items}
                today={today}
                moreHref={(day) => `${calendarHref(view, { view: "agenda" })}#day-${day}`}
              />
            </div>
          </div>
        ) : (
          <AgendaList items={items} empty={empty} />
        )}
      </div>
    </>
  );
}
