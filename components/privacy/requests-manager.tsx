"use client";

import { useTable } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import type { RequestRow } from "@/lib/privacy/rows";
import { humanize } from "./purpose-options";
import { RequestActionsContext, requestColumns } from "./request-columns";
import { CreateRequestForm, FulfilRequestForm } from "./request-forms";

type Open = { kind: "create" } | { kind: "fulfil"; request: RequestRow } | null;

export function RequestsManager({
  requests,
  assignees,
  actions,
  now,
}: {
  requests: RequestRow[];
  assignees: { id: string; name: string }[];
  actions: { create: FormAction; fulfil: FormAction } | null;
  now: number;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({ features: clientTableFeatures, columns: requestColumns, data: requests, getRowId: (row) => row.id });
  const close = () => setOpen(null);
  const done = (message: string) => {
    setFlash(message);
    close();
  };
  const fulfilling = open?.kind === "fulfil" ? open.request : null;
  return (
    <RequestActionsContext value={{ onFulfil: actions ? (request) => setOpen({ kind: "fulfil", request }) : null, now }}>
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <p className="text-[13px] text-zinc-500">Open requests first, by due date. Subjects appear only by reference.</p>
          {actions ? <Button onClick={() => setOpen({ kind: "create" })}>New request</Button> : null}
        </div>
        <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        <DataTable table={table} caption="Data-subject requests" empty={<EmptyState title="No data-subject requests" />} />
      </div>
      {actions ? (
        <>
          <Dialog open={open?.kind === "create"} onClose={close} title="New data-subject request">
            <CreateRequestForm action={actions.create} assignees={assignees} onDone={done} onCancel={close} />
          </Dialog>
          <Dialog
            open={fulfilling !== null}
            onClose={close}
            title={fulfilling ? `Fulfil ${humanize(fulfilling.type).toLowerCase()} request` : "Fulfil request"}
          >
            {fulfilling ? <FulfilRequestForm request={fulfilling} action={actions.fulfil} onDone={done} onCancel={close} /> : null}
          </Dialog>
        </>
      ) : null}
    </RequestActionsContext>
  );
}
