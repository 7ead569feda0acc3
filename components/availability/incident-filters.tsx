"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { PageLink, Spinner } from "@/components/ui/button";
import { incidentsHref, INCIDENTS_PAGE_SIZE, type IncidentsView } from "@/lib/availability/schemas";

const STATES = [
  { value: "all", label: "All" },
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
] as const;

/** State as a segmented control, service as a select; both write the URL (first page). */
export function IncidentFilters({ view, services }: { view: IncidentsView; services: { key: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="search" aria-label="Filter incidents" className="flex flex-wrap items-center gap-3">
      <nav aria-label="Incident state" className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 shadow-xs">
        {STATES.map((s) => (
          <Link
            key={s.value}
            href={incidentsHref(view, { state: s.value })}
            aria-current={view.state === s.value ? "page" : undefined}
            className={`rounded px-3 py-1 text-[13px] font-medium ${view.state === s.value ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"}`}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      <label className="flex items-center gap-2 text-[13px] text-zinc-600">
        Service
        <select
          value={view.service ?? ""}
          onChange={(e) => startTransition(() => router.push(incidentsHref(view, { service: e.target.value || null })))}
          className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-[13px] text-zinc-800 shadow-xs"
        >
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {pending ? <Spinner /> : null}
    </div>
  );
}

export function IncidentPager({ view, total, pageSize = INCIDENTS_PAGE_SIZE }: { view: IncidentsView; total: number; pageSize?: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (view.page - 1) * pageSize + 1;
  const last = Math.min(total, view.page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 px-4 py-3">
      <span className="text-xs text-zinc-500 tabular-nums">
        {total === 0 ? "No incidents" : `${first}–${last} of ${total} incident${total === 1 ? "" : "s"}`} · open first, then newest
      </span>
      <div className="flex items-center gap-2">
        <span className="text-xs text-zinc-500 tabular-nums">
          Page {Math.min(view.page, pages)} of {pages}
        </span>
        <PageLink href={view.page > 1 ? incidentsHref(view, { page: view.page - 1 }) : null}>Previous</PageLink>
        <PageLink href={view.page < pages ? incidentsHref(view, { page: view.page + 1 }) : null}>Next</PageLink>
      </div>
    </nav>
  );
}
