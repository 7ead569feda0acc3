"use client";

import { useTable } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable, TableFilter } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import { ControlActionsContext, controlColumns } from "./control-columns";
import { ControlForm } from "./control-form";
import type { ControlRow } from "./control-row";

type Option = { value: string; label: string };
type Open = { kind: "create" } | { kind: "edit"; row: ControlRow } | null;

export function ControlsManager({
  controls,
  canManage,
  people,
  criteria,
  actions,
}: {
  controls: ControlRow[];
  canManage: boolean;
  people: Option[];
  criteria: Option[];
  actions: { create: FormAction; update: FormAction };
}) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({
    features: clientTableFeatures,
    columns: controlColumns,
    data: controls,
    getRowId: (row) => row.id,
    globalFilterFn: "includesString",
    initialState: { sorting: [{ id: "control", desc: false }] },
  });
  const close = () => setOpen(null);
  const done = (message: string) => {
    setFlash(message);
    setOpen(null);
  };
  return (
    <ControlActionsContext value={{ canManage, onEdit: (row) => setOpen({ kind: "edit", row }) }}>
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <div className="flex items-center gap-3">
            <TableFilter
              value={String(table.state.globalFilter ?? "")}
              onChange={(v) => table.setGlobalFilter(v)}
              label="Filter controls"
              placeholder="Filter by code, name, criterion or owner"
            />
            <span className="text-xs text-zinc-500 tabular-nums">
              {table.getRowModel().rows.length} of {controls.length}
            </span>
          </div>
          {canManage ? <Button onClick={() => setOpen({ kind: "create" })}>New control</Button> : null}
        </div>
        <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        <DataTable
          table={table}
          caption="Controls"
          empty={<EmptyState title={controls.length === 0 ? "No controls yet" : "No controls match the filter"} />}
        />
      </div>
      <Dialog open={open?.kind === "create"} onClose={close} title="New control" width="max-w-2xl">
        <ControlForm action={actions.create} people={people} criteria={criteria} onDone={done} onCancel={close} />
      </Dialog>
      <Dialog
        open={open?.kind === "edit"}
        onClose={close}
        title="Edit control"
        description={open?.kind === "edit" ? `${open.row.code} ${open.row.name}` : undefined}
        width="max-w-2xl"
      >
        {open?.kind === "edit" ? (
          <ControlForm action={actions.update} control={open.row} people={people} criteria={criteria} onDone={done} onCancel={close} />
        ) : null}
      </Dialog>
    </ControlActionsContext>
  );
}
