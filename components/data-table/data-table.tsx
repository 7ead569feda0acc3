"use client";

import type { ReactTable, RowData } from "@tanstack/react-table";
import type { ClientTableFeatures } from "./features";

type Props<TData extends RowData> = {
  table: ReactTable<ClientTableFeatures, TData>;
  caption: string;
  empty: React.ReactNode;
};

/** Semantic table markup for a TanStack table: sortable headers are buttons, with aria-sort. */
export function DataTable<TData extends RowData>({ table, caption, empty }: Props<TData>) {
  const rows = table.getRowModel().rows;
  return (
    // `relative`: absolutely positioned (sr-only) content must not escape the scroll box.
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-zinc-200 bg-zinc-50/80">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    className="px-3 py-2 text-xs font-medium whitespace-nowrap text-zinc-500 first:pl-4 last:pr-4"
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-zinc-200/60 hover:text-zinc-900"
                      >
                        <table.FlexRender header={header} />
                        <SortIcon direction={sorted} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-zinc-50/70">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2.5 align-middle text-zinc-700 first:pl-4 last:pr-4">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? empty : null}
    </div>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg viewBox="0 0 12 12" className={`size-3 ${direction ? "text-zinc-900" : "text-zinc-300"}`} aria-hidden="true" fill="currentColor">
      {direction !== "desc" ? <path d="M6 2.5 9 6H3z" /> : null}
      {direction !== "asc" ? <path d="M6 9.5 3 6h6z" /> : null}
    </svg>
  );
}

/** The text filter above a table. */
export function TableFilter({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
}) {
  return (
    <div className="relative w-72 max-w-full">
      <svg
        viewBox="0 0 20 20"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        aria-hidden="true"
      >
        <circle cx="9" cy="9" r="5.5" />
        <path d="m13.5 13.5 3 3" />
      </svg>
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="block h-8 w-full rounded-md border border-zinc-300 bg-white pr-3 pl-8 text-[13px] shadow-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-2 focus:outline-offset-0 focus:outline-accent-500/30"
      />
    </div>
  );
}
