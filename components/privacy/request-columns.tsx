"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use } from "react";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { StatusDot } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { RequestRow } from "@/lib/privacy/rows";
import { formatDate, humanize } from "./purpose-options";

export const RequestActionsContext = createContext<{ onFulfil: ((row: RequestRow) => void) | null; now: number }>({
  onFulfil: null,
  now: 0,
});

const helper = createColumnHelper<ClientTableFeatures, RequestRow>();
const open = (r: RequestRow) => r.status === "open" || r.status === "in_progress";

function Status({ row }: { row: RequestRow }) {
  const { now } = use(RequestActionsContext);
  if (!open(row)) return <StatusDot tone="green">{humanize(row.status)}</StatusDot>;
  const overdue = new Date(row.dueAt).getTime() < now;
  return <StatusDot tone={overdue ? "red" : "amber"}>{overdue ? "Overdue" : humanize(row.status)}</StatusDot>;
}

function RowActions({ row }: { row: RequestRow }) {
  const { onFulfil } = use(RequestActionsContext);
  const linked = row.subject !== "erased";
  return (
    <span className="flex items-center justify-end gap-2 whitespace-nowrap">
      {linked ? (
        <>
          <Link href={`/privacy/requests/${row.id}`} className="text-[13px] font-medium text-accent-700 hover:underline">
            Report
          </Link>
          <a
            href={`/api/privacy/requests/${row.id}/report`}
            className="text-[13px] font-medium text-accent-700 hover:underline"
            aria-label={`Download JSON report of ${row.subject}`}
          >
            JSON
          </a>
        </>
      ) : null}
      {onFulfil && open(row) && linked ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onFulfil(row)}
          aria-label={`Fulfil ${humanize(row.type).toLowerCase()} request of ${row.subject}`}
        >
          Fulfil
        </Button>
      ) : null}
    </span>
  );
}

export const requestColumns = helper.columns([
  helper.accessor("type", {
    header: "Type",
    sortFn: "text",
    cell: (info) => <span className="font-medium text-zinc-900">{humanize(info.getValue())}</span>,
  }),
  helper.accessor("subject", {
    header: "Subject",
    sortFn: "text",
    cell: (info) => <code className="font-mono text-xs">{info.getValue()}</code>,
  }),
  helper.accessor("status", { header: "Status", sortFn: "text", cell: (info) => <Status row={info.row.original} /> }),
  helper.accessor("receivedAt", {
    header: "Received",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => formatDate(info.getValue()),
  }),
  helper.accessor("dueAt", {
    header: "Due",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => <span className="tabular-nums">{formatDate(info.getValue())}</span>,
  }),
  helper.accessor((row) => row.assignee ?? "", {
    id: "assignee",
    header: "Assignee",
    sortFn: "text",
    cell: (info) => info.getValue() || "—",
  }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <RowActions row={info.row.original} />,
  }),
]);
