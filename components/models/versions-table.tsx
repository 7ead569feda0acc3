"use client";

import { useTable } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { EmptyState } from "@/components/ui/empty-state";
import type { VersionRow } from "./model-row";
import { ModelKeyContext, versionColumns } from "./version-columns";

/** A model's versions, newest first; sortable on the client (a model has tens, not thousands). */
export function VersionsTable({ modelKey, versions }: { modelKey: string; versions: VersionRow[] }) {
  const table = useTable({
    features: clientTableFeatures,
    columns: versionColumns,
    data: versions,
    getRowId: (row) => row.id,
    initialState: { sorting: [{ id: "statusChangedAt", desc: true }] },
  });
  return (
    <ModelKeyContext value={modelKey}>
      <DataTable
        table={table}
        caption="Versions"
        empty={<EmptyState title="No versions yet">Register one here, or let CI post it to the API.</EmptyState>}
      />
    </ModelKeyContext>
  );
}
