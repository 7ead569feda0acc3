"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { formatUtc } from "@/components/audit/event-display";
import { StatusDot } from "@/components/ui/badge";
import type { ModelRow } from "./model-row";

const helper = createColumnHelper<ClientTableFeatures, ModelRow>();

export const modelColumns = helper.columns([
  helper.accessor((row) => `${row.name} ${row.key}`, {
    id: "model",
    header: "Model",
    sortFn: "text",
    cell: (info) => (
      <span className="block min-w-40">
        <Link href={`/models/${info.row.original.key}`} className="block font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {info.row.original.name}
        </Link>
        <code className="font-mono text-xs text-zinc-500">{info.row.original.key}</code>
      </span>
    ),
  }),
  helper.accessor("owner", { header: "Owner", sortFn: "text" }),
  helper.accessor((row) => row.productionVersion ?? "", {
    id: "production",
    header: "In production",
    sortFn: "alphanumeric",
    cell: (info) =>
      info.row.original.productionVersion ? (
        <StatusDot tone="green">{info.row.original.productionVersion}</StatusDot>
      ) : (
        <span className="text-zinc-400">None</span>
      ),
  }),
  helper.accessor("versions", {
    header: "Versions",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  helper.accessor("openRequests", {
    header: "Open requests",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) =>
      info.getValue() > 0 ? <StatusDot tone="amber">{info.getValue()}</StatusDot> : <span className="text-zinc-400">0</span>,
  }),
  helper.accessor("updatedAt", {
    header: "Last change",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => (
      <time dateTime={info.getValue()} className="whitespace-nowrap tabular-nums text-zinc-500">
        {formatUtc(info.getValue()).slice(0, 10)}
      </time>
    ),
  }),
]);
