"use client";

import { useTable } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable, TableFilter } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/form-action";
import { modelColumns } from "./model-columns";
import { RegisterModelForm } from "./model-forms";
import type { ModelRow } from "./model-row";

/** The registry: every model, filterable; registering one opens its page. */
export function ModelsManager({
  models,
  canRegister,
  registerAction,
}: {
  models: ModelRow[];
  canRegister: boolean;
  registerAction: FormAction;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const table = useTable({
    features: clientTableFeatures,
    columns: modelColumns,
    data: models,
    getRowId: (row) => row.id,
    globalFilterFn: "includesString",
    initialState: { sorting: [{ id: "model", desc: false }] },
  });
  const filter = String(table.state.globalFilter ?? "");
  return (
    <>
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <div className="flex items-center gap-3">
            <TableFilter
              value={filter}
              onChange={(v) => table.setGlobalFilter(v)}
              label="Filter models"
              placeholder="Filter by name, key or owner"
            />
            <span className="text-xs text-zinc-500 tabular-nums">
              {table.getRowModel().rows.length} of {models.length}
            </span>
          </div>
          {canRegister ? <Button onClick={() => setOpen(true)}>Register model</Button> : null}
        </div>
        <DataTable
          table={table}
          caption="Models"
          empty={
            <EmptyState title={models.length === 0 ? "No models registered yet" : "No models match the filter"}>
              {models.length === 0
                ? "ML engineers and data scientists register models here; CI then adds their versions."
                : "Try another name, key or owner."}
            </EmptyState>
          }
        />
      </div>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Register model"
        description="A model groups its versions. Versions are added here or by CI through the API."
      >
        <RegisterModelForm
          action={registerAction}
          onCancel={() => setOpen(false)}
          onDone={(_message, state) => {
            setOpen(false);
            const href = state?.ok ? state.data?.href : undefined;
            if (typeof href === "string") router.push(href);
          }}
        />
      </Dialog>
    </>
  );
}
