"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures, type ClientTableFeatures } from "@/components/data-table/features";
import { formatCount } from "@/components/format";
import { StatusDot } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import { EmptyState } from "@/components/ui/empty-state";
import type { ServiceSettings } from "@/lib/availability/schemas";
import type { Serialized } from "@/lib/serialized";
import { EditServiceForm } from "./service-edit-form";

/** What the registry shows and edits of a service (the key is fixed: samples and reports name it). */
export type ServiceView = Serialized<ServiceSettings>;

const EditContext = createContext<((service: ServiceView) => void) | null>(null);
const helper = createColumnHelper<ClientTableFeatures, ServiceView>();

function EditButton({ service }: { service: ServiceView }) {
  const onEdit = use(EditContext);
  if (!onEdit) return null;
  return (
    <Button size="sm" variant="secondary" onClick={() => onEdit(service)} aria-label={`Edit ${service.name}`}>
      Edit
    </Button>
  );
}

const columns = helper.columns([
  helper.accessor("name", {
    header: "Service",
    enableSorting: false,
    cell: (info) => (
      <span className="block min-w-40">
        <Link
          href={`/availability/services/${info.row.original.key}`}
          className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
        >
          {info.getValue()}
        </Link>
        <code className="block font-mono text-[11px] text-zinc-500">{info.row.original.key}</code>
      </span>
    ),
  }),
  helper.accessor("weight", {
    header: "Weight",
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue().toFixed(2)}</span>,
  }),
  helper.accessor("slaTarget", {
    header: "SLA target",
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}%</span>,
  }),
  helper.accessor("intervalSeconds", {
    header: "Probe",
    enableSorting: false,
    cell: (info) => (
      <span className="block whitespace-nowrap tabular-nums">
        every {formatCount(info.getValue())} s
        <span className="block text-xs text-zinc-500">timeout {formatCount(info.row.original.timeoutMs)} ms</span>
      </span>
    ),
  }),
  helper.accessor("degradedLatencyMs", {
    header: "Degraded at",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{formatCount(info.getValue())} ms</span>,
  }),
  helper.display({
    id: "thresholds",
    header: () => <span title="Consecutive down samples that open an incident / good samples that resolve it">Open / resolve</span>,
    cell: (info) => (
      <span
        className="whitespace-nowrap tabular-nums"
        title={`Opens after ${info.row.original.failuresToOpen} failed samples, resolves after ${info.row.original.successesToResolve} good ones`}
      >
        after {info.row.original.failuresToOpen} / {info.row.original.successesToResolve}
      </span>
    ),
  }),
  helper.accessor("enabled", {
    header: "Probing",
    enableSorting: false,
    cell: (info) => <StatusDot tone={info.getValue() ? "green" : "neutral"}>{info.getValue() ? "Enabled" : "Paused"}</StatusDot>,
  }),
  helper.accessor((row) => row.healthUrl ?? "", {
    id: "healthUrl",
    header: "Health URL",
    enableSorting: false,
    cell: (info) =>
      info.getValue() ? (
        <code className="block max-w-40 truncate font-mono text-xs text-zinc-600" title={info.getValue()}>
          {info.getValue()}
        </code>
      ) : (
        <span className="text-zinc-400">push only</span>
      ),
  }),
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <EditButton service={info.row.original} />,
  }),
]);

export function ServicesManager({ services, action }: { services: ServiceView[]; action: FormAction | null }) {
  const [editing, setEditing] = useState<ServiceView | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const table = useTable({ features: clientTableFeatures, columns, data: services, getRowId: (row) => row.id });
  return (
    <EditContext value={action ? setEditing : null}>
      <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      <DataTable table={table} caption="Monitored services" empty={<EmptyState title="No services registered" />} />
      {action ? (
        <Dialog
          open={editing !== null}
          onClose={() => setEditing(null)}
          title={editing ? `Edit ${editing.name}` : "Edit service"}
          width="max-w-2xl"
        >
          {editing ? (
            <EditServiceForm
              service={editing}
              action={action}
              onCancel={() => setEditing(null)}
              onDone={(message) => {
                setFlash(message);
                setEditing(null);
              }}
            />
          ) : null}
        </Dialog>
      ) : null}
    </EditContext>
  );
}
