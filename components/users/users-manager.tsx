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
import { UserActionsContext, userColumns } from "./user-columns";
import { CreateUserForm, EditRolesForm, SetDisabledForm } from "./user-forms";
import type { UserRow } from "./user-row";

type Open = { kind: "create" } | { kind: "roles"; user: UserRow } | { kind: "disabled"; user: UserRow } | null;

export function UsersManager({
  users,
  currentUserId,
  canManage,
  actions,
}: {
  users: UserRow[];
  currentUserId: string;
  canManage: boolean;
  actions: { create: FormAction; updateRoles: FormAction; setDisabled: FormAction };
}) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({
    features: clientTableFeatures,
    columns: userColumns,
    data: users,
    getRowId: (row) => row.id,
    globalFilterFn: "includesString",
    initialState: { sorting: [{ id: "user", desc: false }] },
  });
  const close = () => setOpen(null);
  const done = (message: string) => {
    setFlash(message);
    setOpen(null);
  };
  const filter = String(table.state.globalFilter ?? "");

  return (
    <UserActionsContext
      value={{
        currentUserId,
        canManage,
        onEditRoles: (user) => setOpen({ kind: "roles", user }),
        onToggleDisabled: (user) => setOpen({ kind: "disabled", user }),
      }}
    >
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <div className="flex items-center gap-3">
            <TableFilter
              value={filter}
              onChange={(v) => table.setGlobalFilter(v)}
              label="Filter users"
              placeholder="Filter by email, name or role"
            />
            <span className="text-xs text-zinc-500 tabular-nums">
              {table.getRowModel().rows.length} of {users.length}
            </span>
          </div>
          {canManage ? <Button onClick={() => setOpen({ kind: "create" })}>New user</Button> : null}
        </div>
        <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        <DataTable
          table={table}
          caption="Users"
          empty={
            <EmptyState title={users.length === 0 ? "No users yet" : "No users match the filter"}>
              {users.length === 0 ? "Create the first account with New user." : "Try another email, name or role."}
            </EmptyState>
          }
        />
      </div>

      <Dialog
        open={open?.kind === "create"}
        onClose={close}
        title="New user"
        description="They sign in with this email and password, then set up two-factor sign-in."
      >
        <CreateUserForm action={actions.create} onDone={done} onCancel={close} />
      </Dialog>
      <Dialog
        open={open?.kind === "roles"}
        onClose={close}
        title="Edit roles"
        description={open?.kind === "roles" ? `${open.user.name} · ${open.user.email}` : undefined}
      >
        {open?.kind === "roles" ? <EditRolesForm user={open.user} action={actions.updateRoles} onDone={done} onCancel={close} /> : null}
      </Dialog>
      <Dialog
        open={open?.kind === "disabled"}
        onClose={close}
        title={open?.kind === "disabled" && !open.user.disabled ? "Disable user?" : "Enable user?"}
        width="max-w-md"
      >
        {open?.kind === "disabled" ? (
          <SetDisabledForm user={open.user} action={actions.setDisabled} onDone={done} onCancel={close} />
        ) : null}
      </Dialog>
    </UserActionsContext>
  );
}
