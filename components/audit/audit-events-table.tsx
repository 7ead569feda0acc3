"use client";

import { useTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { buttonClass, PageLink, Spinner } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditListViewContext, auditEventColumns } from "./audit-event-columns";
import type { AuditEventRowView } from "./audit-event-row";
import { hasFilters, listHref, PAGE_SIZES, type AuditListView } from "./audit-url";

type Props = {
  rows: AuditEventRowView[];
  view: AuditListView;
  /** Keyset cursors from the server; null where there is no such page. */
  next: string | null;
  previous: string | null;
};

/** A pager link lands on the table, not the top of the page. */
const toEvents = (view: AuditListView, changes: Partial<AuditListView> = {}) => `${listHref(view, changes)}#events`;

/**
 * One page of the log. Sorting, filtering and paging happen in SQL: the table renders the
 * page it is given and turns each change into a URL, so a link reproduces the view.
 */
export function AuditEventsTable({ rows, view, next, previous }: Props) {
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const go = (href: string, scroll = false) => startTransition(() => router.push(href, { scroll }));
  const sorting = useMemo<SortingState>(() => [{ id: "occurredAt", desc: view.sort === "desc" }], [view.sort]);
  const table = useTable({
    features: clientTableFeatures,
    columns: auditEventColumns,
    data: rows,
    getRowId: (row) => String(row.seq),
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: () => go(listHref(view, { sort: view.sort === "desc" ? "asc" : "desc" })),
  });

  // A click anywhere on a row opens its event; the row's link stays the keyboard path (Enter).
  const openRow = (event: React.MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest("a, button, input, select") || window.getSelection()?.toString()) return;
    target.closest("tbody tr")?.querySelector<HTMLAnchorElement>("a[data-row-link]")?.click();
  };

  return (
    <AuditListViewContext value={view}>
      <div aria-busy={navigating} className={`transition-opacity ${navigating ? "opacity-60" : ""}`}>
        <div onClick={openRow} className="[&_tbody_tr]:cursor-pointer">
          <DataTable
            table={table}
            caption="Audit events"
            empty={
              <EmptyState
                title={hasFilters(view) ? "No events match these filters" : "No events on this page"}
                action={
                  <Link href="/audit" className={buttonClass("secondary", "sm")}>
                    Reset filters
                  </Link>
                }
              >
                {hasFilters(view) ? "Try a wider time range or fewer filters." : "The log has no events here; go back to the first page."}
              </EmptyState>
            }
          />
        </div>
      </div>
      <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 px-4 py-3">
        <label className="flex items-center gap-2 text-xs text-zinc-500">
          Rows per page
          <select
            value={view.limit}
            onChange={(e) => go(listHref(view, { limit: Number(e.target.value) }))}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-[13px] text-zinc-800"
          >
            {[...new Set([...PAGE_SIZES, view.limit])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          {navigating ? <Spinner /> : null}
          <span className="text-xs text-zinc-500 tabular-nums">
            {rows.length} event{rows.length === 1 ? "" : "s"} on this page · {view.sort === "desc" ? "newest first" : "oldest first"}
          </span>
          <PageLink href={previous || view.after || view.before ? toEvents(view) : null}>
            {view.sort === "desc" ? "Newest" : "Oldest"}
          </PageLink>
          <PageLink href={previous ? toEvents(view, { before: previous, after: undefined }) : null}>Previous</PageLink>
          <PageLink href={next ? toEvents(view, { after: next, before: undefined }) : null}>Next</PageLink>
        </div>
      </nav>
    </AuditListViewContext>
  );
}
