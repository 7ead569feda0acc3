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
import { ApiKeyActionsContext, apiKeyColumns } from "./api-key-columns";
import { CreateApiKeyForm, RevokeApiKeyForm, TokenReveal } from "./api-key-forms";
import type { ApiKeyRow } from "./api-key-row";

type Open = { kind: "create"; token: string | null } | { kind: "revoke"; apiKey: ApiKeyRow } | null;

export function ApiKeysManager({ apiKeys, actions }: { apiKeys: ApiKeyRow[]; actions: { create: FormAction; revoke: FormAction } }) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({
    features: clientTableFeatures,
    columns: apiKeyColumns,
    data: apiKeys,
    getRowId: (row) => row.id,
    globalFilterFn: "includesString",
    initialState: { sorting: [{ id: "status", desc: false }] },
  });
  const close = () => setOpen(null);
  const filter = String(table.state.globalFilter ?? "");
  const creating = open?.kind === "create" ? open : null;

  return (
    <ApiKeyActionsContext value={{ onRevoke: (apiKey) => setOpen({ kind: "revoke", apiKey }) }}>
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <div className="flex items-center gap-3">
            <TableFilter
              value={filter}
              onChange={(v) => table.setGlobalFilter(v)}
              label="Filter API keys"
              placeholder="Filter by name, scope or creator"
            />
            <span className="text-xs text-zinc-500 tabular-nums">
              {table.getRowModel().rows.length} of {apiKeys.length}
            </span>
          </div>
          <Button onClick={() => setOpen({ kind: "create", token: null })}>New API key</Button>
        </div>
        <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        <DataTable
          table={table}
          caption="API keys"
          empty={
            <EmptyState
              title={apiKeys.length === 0 ? "No API keys yet" : "No keys match the filter"}
              action={
                apiKeys.length === 0 ? (
                  <Button onClick={() => setOpen({ kind: "create", token: null })}>Create the first key</Button>
                ) : undefined
              }
            >
              {apiKeys.length === 0
                ? "AI services authenticate to Assay's machine API with a key scoped to what they report."
                : "Try another name or scope."}
            </EmptyState>
          }
        />
      </div>

      <Dialog
        open={creating !== null}
        onClose={close}
        title={creating?.token ? "Your new API key" : "New API key"}
        description={creating?.token ? undefined : "Give each client its own key, with only the scopes it needs."}
      >
        {creating?.token ? (
          <TokenReveal token={creating.token} onDone={close} />
        ) : (
          <CreateApiKeyForm
            action={actions.create}
            onCreated={(token) => {
              setFlash("Key created. It is listed below by its prefix; the secret is not stored.");
              setOpen({ kind: "create", token });
            }}
            onCancel={close}
          />
        )}
      </Dialog>
      <Dialog
        open={open?.kind === "revoke"}
        onClose={close}
        title={open?.kind === "revoke" ? `Revoke ${open.apiKey.name}?` : "Revoke key?"}
        width="max-w-md"
      >
        {open?.kind === "revoke" ? (
          <RevokeApiKeyForm
            apiKey={open.apiKey}
            action={actions.revoke}
            onDone={(message) => {
              setFlash(message);
              close();
            }}
            onCancel={close}
          />
        ) : null}
      </Dialog>
    </ApiKeyActionsContext>
  );
}
