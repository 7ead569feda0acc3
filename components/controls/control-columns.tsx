"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { createContext, use } from "react";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { AI_RELEVANCE_LABELS, FREQUENCY_LABELS } from "@/lib/controls/vocabulary";
import type { ControlRow } from "./control-row";

export const ControlActionsContext = createContext<{ canManage: boolean; onEdit: (row: ControlRow) => void } | null>(null);

const helper = createColumnHelper<ClientTableFeatures, ControlRow>();

export const controlColumns = helper.columns([
  helper.accessor((row) => `${row.code} ${row.name}`, {
    id: "control",
    header: "Control",
    sortFn: "alphanumeric",
    cell: (info) => (
      <span className="block min-w-48">
        <span className="font-mono text-xs text-zinc-500">{info.row.original.code}</span>{" "}
        <span className="font-medium text-zinc-900">{info.row.original.name}</span>
        <span className="block text-xs text-zinc-500">{info.row.original.category}</span>
      </span>
    ),
  }),
  helper.accessor((row) => row.criteria.join(" "), {
    id: "criteria",
    header: "SOC 2 criteria",
    sortFn: "text",
    cell: (info) => (
      <span className="flex flex-wrap gap-1">
        {info.row.original.criteria.map((c) => (
          <Badge key={c}>{c}</Badge>
        ))}
      </span>
    ),
  }),
  helper.accessor((row) => FREQUENCY_LABELS[row.frequency], { id: "frequency", header: "Testing", sortFn: "text" }),
  helper.accessor((row) => AI_RELEVANCE_LABELS[row.aiRelevance], {
    id: "ai",
    header: "AI relevance",
    sortFn: "text",
    cell: (info) => <Badge tone={info.row.original.aiRelevance === "direct" ? "accent" : "neutral"}>{info.getValue()}</Badge>,
  }),
  helper.accessor("ownerName", { header: "Owner", sortFn: "text" }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <RowActions row={info.row.original} />,
  }),
]);

function RowActions({ row }: { row: ControlRow }) {
  const ctx = use(ControlActionsContext);
  return (
    <div className="flex justify-end gap-1">
      <a
        href={`/controls/calendar?control=${row.id}&view=agenda`}
        className="inline-flex h-8 items-center rounded-md px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-100"
      >
        Tests
      </a>
      {ctx?.canManage ? (
        <Button variant="ghost" size="sm" onClick={() => ctx.onEdit(row)} aria-label={`Edit ${row.code}`}>
          Edit
        </Button>
      ) : null}
    </div>
  );
}
