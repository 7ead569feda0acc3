"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { formatUtc } from "@/components/audit/event-display";
import { roleList } from "./model-display";
import type { RequestRow } from "./model-row";
import { RequestStatusBadge, VersionStatusBadge } from "./status-badge";

const helper = createColumnHelper<ClientTableFeatures, RequestRow>();

export const requestColumns = helper.columns([
  helper.accessor((row) => `${row.modelName} ${row.version} ${row.modelKey}`, {
    id: "request",
    header: "Request",
    sortFn: "text",
    cell: (info) => {
      const r = info.row.original;
      return (
        <Link href={`/models/requests/${r.id}`} className="block min-w-44 font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {r.modelName} <span className="font-mono">{r.version}</span>
        </Link>
      );
    },
  }),
  helper.accessor("toStatus", {
    header: "Step",
    sortFn: "text",
    cell: (info) => (
      <span className="inline-flex items-center gap-1 whitespace-nowrap">
        <VersionStatusBadge status={info.row.original.fromStatus} />
        <span aria-label="to">→</span>
        <VersionStatusBadge status={info.row.original.toStatus} />
      </span>
    ),
  }),
  helper.accessor((row) => roleList(row.requiredRoles), {
    id: "roles",
    header: "Approvals",
    sortFn: "text",
    cell: (info) => (
      <span className="block text-xs">
        <span className="font-medium text-zinc-800 tabular-nums">
          {info.row.original.approvals} of {info.row.original.requiredRoles.length}
        </span>
        <span className="block text-zinc-500">{info.getValue()}</span>
      </span>
    ),
  }),
  helper.accessor("requestedBy", { header: "Requested by", sortFn: "text" }),
  helper.accessor((row) => row.closedAt ?? row.createdAt, {
    id: "when",
    header: "When",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => (
      <time dateTime={info.getValue()} className="text-xs whitespace-nowrap tabular-nums text-zinc-500">
        {info.row.original.closedAt ? "closed " : "opened "}
        {formatUtc(info.getValue()).slice(0, 16)}
      </time>
    ),
  }),
  helper.accessor("status", { header: "Status", sortFn: "text", cell: (info) => <RequestStatusBadge status={info.getValue()} /> }),
]);
