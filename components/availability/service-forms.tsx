"use client";

import { createColumnHelper, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use, useState } from "react";
import { ActionForm } from "@/components/controls/action-form";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures, type ClientTableFeatures } from "@/components/data-table/features";
import { StatusDot } from "@/components/ui/badge";
import { Button, SubmitButton } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { EmptyState } from "@/components/ui/empty-state";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";

/** What the registry shows and edits of a service (the key is fixed: samples and reports name it). */
export type ServiceView = {
  id: string;
  key: string;
  name: string;
  description: string;
  weight: number;
  slaTarget: number;
  healthUrl: string | null;
  intervalSeconds: number;
  timeoutMs: number;
  degradedLatencyMs: number;
  failuresToOpen: number;
  successesToResolve: number;
  enabled: boolean;
};

const EditContext = createContext<((service: ServiceView) => void) | null>(null);
const helper = createColumnHelper<ClientTableFeatures, ServiceView>();
const num = (n: number) => n.toLocaleString("en-US");

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
        every {num(info.getValue())} s<span className="block text-xs text-zinc-500">timeout {num(info.row.original.timeoutMs)} ms</span>
      </span>
    ),
  }),
  helper.accessor("degradedLatencyMs", {
    header: "Degraded at",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{num(info.getValue())} ms</span>,
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

function EditServiceForm({
  service,
  action,
  onDone,
  onCancel,
}: {
  service: ServiceView;
  action: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  const errors = fieldErrorsOf(state);
  const e = (name: string) => errorsFor(errors, name);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="id" value={service.id} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Name" name="name" defaultValue={service.name} errors={e("name")} />
        <Field label="Key" name="key" defaultValue={service.key} readOnly disabled hint="Fixed: samples and reports name it." />
      </div>
      <TextareaField label="Description" name="description" rows={2} defaultValue={service.description} errors={e("description")} />
      <Field
        label="Health URL"
        name="healthUrl"
        type="url"
        defaultValue={service.healthUrl ?? ""}
        placeholder="https://… (empty: the service pushes its own samples)"
        errors={e("healthUrl")}
      />
      <div className="grid grid-cols-3 gap-4">
        <Field
          label="SLA target (%)"
          name="slaTarget"
          type="number"
          step="0.001"
          inputMode="decimal"
          defaultValue={service.slaTarget}
          errors={e("slaTarget")}
        />
        <Field
          label="Composite weight"
          name="weight"
          type="number"
          step="0.001"
          inputMode="decimal"
          defaultValue={service.weight}
          hint="0–1; the five usually sum to 1."
          errors={e("weight")}
        />
        <Field
          label="Probe interval (s)"
          name="intervalSeconds"
          type="number"
          inputMode="numeric"
          defaultValue={service.intervalSeconds}
          errors={e("intervalSeconds")}
        />
        <Field
          label="Timeout (ms)"
          name="timeoutMs"
          type="number"
          inputMode="numeric"
          defaultValue={service.timeoutMs}
          errors={e("timeoutMs")}
        />
        <Field
          label="Degraded above (ms)"
          name="degradedLatencyMs"
          type="number"
          inputMode="numeric"
          defaultValue={service.degradedLatencyMs}
          errors={e("degradedLatencyMs")}
        />
        <div />
        <Field
          label="Open after N failures"
          name="failuresToOpen"
          type="number"
          inputMode="numeric"
          defaultValue={service.failuresToOpen}
          errors={e("failuresToOpen")}
        />
        <Field
          label="Resolve after M successes"
          name="successesToResolve"
          type="number"
          inputMode="numeric"
          defaultValue={service.successesToResolve}
          errors={e("successesToResolve")}
        />
      </div>
      <label className="flex items-center gap-2 text-[13px] text-zinc-800">
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={service.enabled}
          className="size-4 rounded border-zinc-300 accent-accent-600"
        />
        Probing enabled
      </label>
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save service
        </SubmitButton>
      </FormFooter>
    </ActionForm>
  );
}

/** The raw-sample retention; rollups (and so every figure and report) are kept forever. */
export function RetentionForm({ action, days }: { action: FormAction; days: number }) {
  const [state, formAction, pending] = useFormAction(action);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="flex flex-wrap items-start gap-3">
      <Field
        label="Keep raw samples for (days)"
        name="rawRetentionDays"
        type="number"
        inputMode="numeric"
        min={7}
        max={3650}
        defaultValue={days}
        className="w-56"
        errors={errorsFor(errors, "rawRetentionDays")}
      />
      <SubmitButton className="mt-6" variant="secondary" pending={pending} pendingLabel="Saving…">
        Save retention
      </SubmitButton>
      <FormMessage state={state} className="mt-6 min-w-0 flex-1" />
    </ActionForm>
  );
}
