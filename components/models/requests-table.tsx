"use client";

import { useTable } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { EmptyState } from "@/components/ui/empty-state";
import type { RequestRow } from "./model-row";
import { requestColumns } from "./request-columns";

/** A list of promotion requests (a few hundred at most: open ones, or the latest closed). */
export function RequestsTable({
  requests,
  caption,
  empty,
  newestFirst = false,
}: {
  requests: RequestRow[];
  caption: string;
  empty: { title: string; body: string };
  newestFirst?: boolean;
}) {
  const table = useTable({
    features: clientTableFeatures,
    columns: requestColumns,
    data: requests,
    getRowId: (row) => row.id,
    initialState: { sorting: [{ id: "when", desc: newestFirst }] },
  });
  return <DataTable table={table} caption={caption} empty={<EmptyState title={empty.title}>{empty.body}</EmptyState>} />;
}
