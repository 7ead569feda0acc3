"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures, type ClientTableFeatures } from "@/components/data-table/features";
import { EmptyState } from "@/components/ui/empty-state";
import { CopyButton } from "./copy-button";
import { formatUtc } from "./event-display";

export type CheckpointRow = { origin: string; size: number; headHash: string; time: string; keyId: string; signature: string };

const helper = createColumnHelper<ClientTableFeatures, CheckpointRow>();

const columns = helper.columns([
  helper.accessor("size", {
    header: "Size",
    sortFn: "basic",
    cell: (info) => (
      <span className="font-mono text-xs font-medium text-zinc-900 tabular-nums">{info.row.original.size.toLocaleString("en-US")}</span>
    ),
  }),
  helper.accessor("headHash", {
    header: "Head hash",
    enableSorting: false,
    cell: (info) => <Truncated value={info.row.original.headHash} />,
  }),
  helper.accessor("time", {
    header: "Signed at",
    sortFn: "text",
    cell: (info) => (
      <time dateTime={info.row.original.time} className="text-xs whitespace-nowrap tabular-nums">
        {formatUtc(info.row.original.time)}
      </time>
    ),
  }),
  helper.accessor("keyId", {
    header: "Key ID",
    enableSorting: false,
    cell: (info) => <code className="font-mono text-xs">{info.row.original.keyId}</code>,
  }),
  helper.accessor("signature", {
    header: "Signature (Ed25519)",
    enableSorting: false,
    cell: (info) => (
      <span className="flex items-center gap-2">
        <Truncated value={info.row.original.signature} />
        <CopyButton value={info.row.original.signature} label={`Copy the signature of checkpoint ${info.row.original.size}`} />
      </span>
    ),
  }),
]);

function Truncated({ value }: { value: string }) {
  return (
    <code className="font-mono text-xs text-zinc-600" title={value}>
      {value.slice(0, 12)}…{value.slice(-6)}
    </code>
  );
}

/** Signed checkpoints, newest first (the server sends a bounded, already ordered list). */
export function CheckpointTable({ checkpoints }: { checkpoints: CheckpointRow[] }) {
  const table = useTable({
    features: clientTableFeatures,
    columns,
    data: checkpoints,
    getRowId: (row) => String(row.size),
    initialState: { sorting: [{ id: "size", desc: true }] },
  });
  return (
    <DataTable
      table={table}
      caption="Signed checkpoints"
      empty={
        <EmptyState title="No checkpoints yet">
          Assay signs one every so many events and every few minutes; you can also sign one now.
        </EmptyState>
      }
    />
  );
}
