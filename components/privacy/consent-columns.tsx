"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { Badge, StatusDot } from "@/components/ui/badge";
import type { ConsentRow } from "@/lib/privacy/rows";
import { formatDate, humanize, SOURCE_LABELS } from "./purpose-options";

const helper = createColumnHelper<ClientTableFeatures, ConsentRow>();
const TONE = { granted: "green", refused: "red", withdrawn: "amber" } as const;

export const consentColumns = helper.columns([
  helper.accessor("subject", {
    header: "Subject",
    sortFn: "text",
    cell: (info) => <code className="font-mono text-xs">{info.getValue()}</code>,
  }),
  helper.accessor("status", {
    header: "Decision",
    sortFn: "text",
    cell: (info) => <StatusDot tone={TONE[info.getValue() as keyof typeof TONE] ?? "neutral"}>{humanize(info.getValue())}</StatusDot>,
  }),
  helper.accessor((row) => row.purposes.join(" "), {
    id: "purposes",
    header: "Purposes",
    enableSorting: false,
    cell: (info) => (
      <span className="flex max-w-72 flex-wrap gap-1">
        {info.row.original.purposes.map((p) => (
          <Badge key={p}>{humanize(p)}</Badge>
        ))}
      </span>
    ),
  }),
  helper.accessor("consentType", { header: "Type", sortFn: "text", cell: (info) => humanize(info.getValue()) }),
  helper.accessor("policyVersion", { header: "Policy", sortFn: "text" }),
  helper.accessor("source", { header: "Source", sortFn: "text", cell: (info) => SOURCE_LABELS[info.getValue()] ?? info.getValue() }),
  helper.accessor("recordedAt", {
    header: "Recorded",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => <span className="tabular-nums">{formatDate(info.getValue())}</span>,
  }),
  // A withdrawal does not expire: it ends consent at once.
  helper.accessor("expiresAt", {
    header: "Expires",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => <span className="tabular-nums">{info.row.original.status === "withdrawn" ? "—" : formatDate(info.getValue())}</span>,
  }),
]);
