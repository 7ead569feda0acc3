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
import type { ConsentRow } from "@/lib/privacy/rows";
import { consentColumns } from "./consent-columns";
import { ImportConsentsForm, RecordConsentForm, WithdrawConsentForm } from "./consent-forms";
import type { PurposeOption } from "./purpose-options";

type Open = "record" | "withdraw" | "import" | null;
type Actions = { record: FormAction; withdraw: FormAction; import: FormAction } | null;

/** Recent consent records (pseudonymous), and the dialogs that append to the history. */
export function ConsentsManager({ consents, purposes, actions }: { consents: ConsentRow[]; purposes: PurposeOption[]; actions: Actions }) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({
    features: clientTableFeatures,
    columns: consentColumns,
    data: consents,
    getRowId: (row) => row.id,
    globalFilterFn: "includesString",
    initialState: { sorting: [{ id: "recordedAt", desc: true }] },
  });
  const close = () => setOpen(null);
  const done = (message: string) => {
    setFlash(message);
    close();
  };
  return (
    <>
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex flex-wrap items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <div className="flex items-center gap-3">
            <TableFilter
              value={String(table.state.globalFilter ?? "")}
              onChange={(v) => table.setGlobalFilter(v)}
              label="Filter consent records"
              placeholder="Filter by subject ref, purpose, decision"
            />
            <span className="text-xs text-zinc-500 tabular-nums">
              {table.getRowModel().rows.length} of {consents.length} most recent
            </span>
          </div>
          {actions ? (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setOpen("import")}>
                Import CSV
              </Button>
              <Button variant="secondary" onClick={() => setOpen("withdraw")}>
                Withdraw consent
              </Button>
              <Button onClick={() => setOpen("record")}>Record consent</Button>
            </div>
          ) : null}
        </div>
        <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        <DataTable
          table={table}
          caption="Consent records"
          empty={<EmptyState title={consents.length === 0 ? "No consent recorded yet" : "No records match the filter"} />}
        />
      </div>
      {actions ? (
        <>
          <Dialog
            open={open === "record"}
            onClose={close}
            title="Record consent"
            description="Adds a record to the subject's history; earlier records stay as they were."
          >
            <RecordConsentForm action={actions.record} purposes={purposes} onDone={done} onCancel={close} />
          </Dialog>
          <Dialog open={open === "withdraw"} onClose={close} title="Withdraw consent">
            <WithdrawConsentForm action={actions.withdraw} purposes={purposes} onDone={done} onCancel={close} />
          </Dialog>
          <Dialog
            open={open === "import"}
            onClose={close}
            title="Import consents"
            description="Every row is checked first: either all rows are imported or none."
            width="max-w-2xl"
          >
            <ImportConsentsForm action={actions.import} onDone={done} onCancel={close} />
          </Dialog>
        </>
      ) : null}
    </>
  );
}
