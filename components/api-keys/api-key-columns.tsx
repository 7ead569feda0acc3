"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { createContext, use } from "react";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatNumber, type ApiKeyRow } from "./api-key-row";

export const ApiKeyActionsContext = createContext<{ onRevoke: (key: ApiKeyRow) => void } | null>(null);

const helper = createColumnHelper<ClientTableFeatures, ApiKeyRow>();

export const apiKeyColumns = helper.columns([
  // Name and public prefix in one column; the accessor lets the filter match either.
  helper.accessor((row) => `${row.name} assay_${row.prefix}`, {
    id: "key",
    header: "Key",
    sortFn: "text",
    cell: (info) => (
      <span className="block">
        <span className="block font-medium whitespace-nowrap text-zinc-900">{info.row.original.name}</span>
        <code className="font-mono text-xs whitespace-nowrap text-zinc-500">assay_{info.row.original.prefix}_…</code>
      </span>
    ),
  }),
  helper.accessor((row) => row.scopes.join(" "), {
    id: "scopes",
    header: "Scopes",
    enableSorting: false,
    cell: (info) => (
      <span className="flex max-w-64 flex-wrap gap-1">
        {info.row.original.scopes.map((scope) => (
          <Badge key={scope}>
            <span className="font-mono">{scope}</span>
          </Badge>
        ))}
      </span>
    ),
  }),
  helper.display({
    id: "limits",
    header: "Limits",
    cell: (info) => (
      <span className="text-xs whitespace-nowrap tabular-nums">
        {formatNumber(info.row.original.ratePerMinute)}/min
        <span className="block text-zinc-500">{formatNumber(info.row.original.ratePerDay)}/day</span>
      </span>
    ),
  }),
  helper.accessor((row) => row.lastUsedAt ?? "", {
    id: "lastUsed",
    header: "Last used",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => <DateTime iso={info.row.original.lastUsedAt} />,
  }),
  helper.accessor((row) => row.createdBy ?? "", {
    id: "createdBy",
    header: "Created",
    sortFn: "text",
    cell: (info) => (
      <span className="block text-xs">
        <span className="block break-all">{info.row.original.createdBy ?? "system"}</span>
        <time
          dateTime={info.row.original.createdAt}
          title={formatDateTime(info.row.original.createdAt)}
          className="text-zinc-500 tabular-nums"
        >
          {info.row.original.createdAt.slice(0, 10)}
        </time>
      </span>
    ),
  }),
  helper.accessor((row) => (row.revokedAt ? "Revoked" : "Active"), {
    id: "status",
    header: "Status",
    sortFn: "text",
    cell: (info) => (info.row.original.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>),
  }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <RevokeButton apiKey={info.row.original} />,
  }),
]);

function RevokeButton({ apiKey }: { apiKey: ApiKeyRow }) {
  const ctx = use(ApiKeyActionsContext);
  if (!ctx || apiKey.revokedAt) return null;
  return (
    <div className="flex justify-end">
      <Button variant="danger-ghost" size="sm" onClick={() => ctx.onRevoke(apiKey)} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
    </div>
  );
}

function DateTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-xs text-zinc-400">Never</span>;
  return (
    <time dateTime={iso} className="block text-xs whitespace-nowrap tabular-nums">
      {iso.slice(0, 10)}
      <span className="block text-zinc-500">{iso.slice(11, 16)} UTC</span>
    </time>
  );
}
