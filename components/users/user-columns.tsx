"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { createContext, use } from "react";
import { Badge, StatusDot } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { UserRow } from "./user-row";

/** Row actions reach the manager through context, so the column list stays module-level and stable. */
export const UserActionsContext = createContext<{
  currentUserId: string;
  canManage: boolean;
  onEditRoles: (user: UserRow) => void;
  onToggleDisabled: (user: UserRow) => void;
} | null>(null);

const helper = createColumnHelper<ClientTableFeatures, UserRow>();

export const userColumns = helper.columns([
  // Name and email in one column (sorted by name, filtered on both): the table fits 1024 px.
  helper.accessor((row) => `${row.name} ${row.email}`, {
    id: "user",
    header: "User",
    sortFn: "text",
    cell: (info) => (
      <span className="block min-w-40">
        <span className="block font-medium text-zinc-900">{info.row.original.name}</span>
        <span className="block text-xs break-all text-zinc-500">{info.row.original.email}</span>
      </span>
    ),
  }),
  helper.accessor((row) => row.roles.map((role) => ROLE_LABELS[role]).join(", "), {
    id: "roles",
    header: "Roles",
    sortFn: "text",
    cell: (info) => <RoleBadges user={info.row.original} />,
  }),
  helper.accessor((row) => (row.totpEnabled ? 1 : 0), {
    id: "mfa",
    header: "MFA",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => (info.row.original.totpEnabled ? <StatusDot tone="green">On</StatusDot> : <StatusDot tone="amber">Off</StatusDot>),
  }),
  helper.accessor((row) => (row.disabled ? "Disabled" : "Active"), {
    id: "status",
    header: "Status",
    sortFn: "text",
    cell: (info) => (info.row.original.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>),
  }),
  helper.accessor("createdAt", {
    header: "Created",
    sortFn: "basic",
    enableGlobalFilter: false,
    cell: (info) => (
      <time dateTime={info.row.original.createdAt} className="whitespace-nowrap tabular-nums">
        {info.row.original.createdAt.slice(0, 10)}
      </time>
    ),
  }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <UserRowActions user={info.row.original} />,
  }),
]);

function RoleBadges({ user }: { user: UserRow }) {
  if (user.roles.length === 0) return <span className="text-zinc-400">No roles</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {user.roles.map((role) => (
        <Badge key={role}>{ROLE_LABELS[role]}</Badge>
      ))}
    </span>
  );
}

function UserRowActions({ user }: { user: UserRow }) {
  const ctx = use(UserActionsContext);
  if (!ctx?.canManage) return null;
  const self = user.id === ctx.currentUserId;
  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={() => ctx.onEditRoles(user)} aria-label={`Edit roles of ${user.email}`}>
        Edit roles
      </Button>
      {self ? (
        <span className="inline-flex h-8 w-[4.75rem] items-center justify-center text-xs text-zinc-400">You</span>
      ) : (
        <Button
          variant={user.disabled ? "ghost" : "danger-ghost"}
          size="sm"
          className="w-[4.75rem]"
          onClick={() => ctx.onToggleDisabled(user)}
          aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
        >
          {user.disabled ? "Enable" : "Disable"}
        </Button>
      )}
    </div>
  );
}
