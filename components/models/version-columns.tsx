"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use } from "react";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { formatUtc } from "@/components/audit/event-display";
import { MODEL_STATUSES, STATUS_LABELS } from "@/lib/governance/lifecycle";
import { shortDigest } from "./model-display";
import type { VersionRow } from "./model-row";
import { VersionStatusBadge } from "./status-badge";

/** The model's key reaches the cells through context, so the column list stays module-level. */
export const ModelKeyContext = createContext<string>("");

const helper = createColumnHelper<ClientTableFeatures, VersionRow>();

function VersionLink({ version }: { version: string }) {
  const key = use(ModelKeyContext);
  return (
    <Link
      href={`/models/${key}/versions/${encodeURIComponent(version)}`}
      className="font-mono font-medium text-zinc-900 hover:text-accent-700 hover:underline"
    >
      {version}
    </Link>
  );
}

export const versionColumns = helper.columns([
  helper.accessor("version", { header: "Version", sortFn: "alphanumeric", cell: (info) => <VersionLink version={info.getValue()} /> }),
  helper.accessor((row) => MODEL_STATUSES.indexOf(row.status), {
    id: "status",
    header: "Status",
    sortFn: "basic",
    cell: (info) => <VersionStatusBadge status={info.row.original.status} />,
  }),
  helper.accessor("statusChangedAt", {
    header: "Since",
    sortFn: "basic",
    cell: (info) => (
      <time dateTime={info.getValue()} className="whitespace-nowrap tabular-nums">
        {formatUtc(info.getValue()).slice(0, 16)}
      </time>
    ),
  }),
  helper.accessor("artifactDigest", {
    header: "Artifact",
    enableSorting: false,
    cell: (info) => (
      <code title={info.getValue()} className="font-mono text-xs text-zinc-600">
        {shortDigest(info.getValue())}
      </code>
    ),
  }),
  helper.accessor((row) => row.registeredBy ?? "", {
    id: "registeredBy",
    header: "Registered by",
    sortFn: "text",
    cell: (info) => info.getValue() || "—",
  }),
  helper.display({
    id: "request",
    header: "Open request",
    cell: (info) => {
      const { openRequestId, openRequestTo } = info.row.original;
      return openRequestId && openRequestTo ? (
        <Link href={`/models/requests/${openRequestId}`} className="font-medium whitespace-nowrap text-accent-700 hover:underline">
          To {STATUS_LABELS[openRequestTo].toLowerCase()} →
        </Link>
      ) : (
        <span className="text-zinc-400">—</span>
      );
    },
  }),
]);
