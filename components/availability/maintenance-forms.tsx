"use client";

import { useState } from "react";
import { ActionForm } from "@/components/controls/action-form";
import { Badge } from "@/components/ui/badge";
import { Button, SubmitButton } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorsFor, Field } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { formatElapsed, formatUtc } from "@/components/format";
import type { ScheduledMaintenance } from "@/lib/availability/queries";
import type { Serialized } from "@/lib/serialized";
import { minutesBetween } from "@/lib/time";
import { utcTimes } from "./utc-times";

export type MaintenanceView = Serialized<ScheduledMaintenance>;

const PHASE = {
  upcoming: { tone: "accent", label: "Upcoming" },
  in_progress: { tone: "amber", label: "In progress" },
  past: { tone: "neutral", label: "Past" },
} as const;

export function MaintenanceManager({
  windows,
  services,
  actions,
  defaults,
}: {
  windows: MaintenanceView[];
  services: { id: string; name: string }[];
  actions: { create: FormAction; cancel: FormAction } | null;
  defaults: { startsAt: string; endsAt: string };
}) {
  const [open, setOpen] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <>
      {actions ? (
        <div className="flex items-center justify-between gap-4 border-b border-zinc-100 px-4 py-3">
          <p className="text-[13px] text-zinc-500">
            Samples inside a window count as maintenance: excluded from uptime, SLA and error budget.
          </p>
          <Button onClick={() => setOpen(true)}>Schedule maintenance</Button>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className={flash ? "border-b border-zinc-100 px-4 py-3" : ""}>
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      {windows.length === 0 ? (
        <p className="px-5 py-8 text-center text-[13px] text-zinc-500">No maintenance windows in the last 90 days or ahead.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse text-left text-[13px]">
            <caption className="sr-only">Maintenance windows</caption>
            <thead>
              <tr className="border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium text-zinc-500">
                {["Window", "Service", "Starts", "Ends", "Length", "Reason"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap first:pl-4">
                    {h}
                  </th>
                ))}
                <th scope="col" className="pr-4">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {windows.map((w) => (
                <tr key={w.id} className="hover:bg-zinc-50/70">
                  <td className="py-2.5 pr-3 pl-4">
                    <Badge tone={PHASE[w.phase].tone}>{PHASE[w.phase].label}</Badge>
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-zinc-900">{w.serviceName ?? "All services"}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(w.startsAt)}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(w.endsAt)}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">
                    {formatElapsed(minutesBetween(Date.parse(w.startsAt), Date.parse(w.endsAt)))}
                  </td>
                  <td className="px-3 py-2.5 text-zinc-700">{w.reason}</td>
                  <td className="py-2.5 pr-4 pl-3 text-right">
                    {actions && w.phase === "upcoming" ? <CancelWindowForm action={actions.cancel} window={w} onDone={setFlash} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {actions ? (
        <Dialog
          open={open}
          onClose={() => setOpen(false)}
          title="Schedule maintenance"
          description="Times are UTC. A window may be at most 7 days long."
        >
          <ScheduleForm
            action={actions.create}
            services={services}
            defaults={defaults}
            onCancel={() => setOpen(false)}
            onDone={(message) => {
              setFlash(message);
              setOpen(false);
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}

function ScheduleForm({
  action,
  services,
  defaults,
  onDone,
  onCancel,
}: {
  action: FormAction;
  services: { id: string; name: string }[];
  defaults: { startsAt: string; endsAt: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(utcTimes(action, ["startsAt", "endsAt"]), onDone);
  const errors = fieldErrorsOf(state);
  return (
    <ActionForm action={formAction} noValidate className="space-y-4">
      <SelectField
        label="Service"
        name="serviceId"
        defaultValue=""
        options={[{ value: "", label: "All services" }, ...services.map((s) => ({ value: s.id, label: s.name }))]}
        errors={errorsFor(errors, "serviceId")}
      />
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Starts (UTC)"
          name="startsAt"
          type="datetime-local"
          defaultValue={defaults.startsAt}
          errors={errorsFor(errors, "startsAt")}
        />
        <Field label="Ends (UTC)" name="endsAt" type="datetime-local" defaultValue={defaults.endsAt} errors={errorsFor(errors, "endsAt")} />
      </div>
      <TextareaField
        label="Reason"
        name="reason"
        rows={2}
        placeholder="e.g. GPU driver upgrade on the inference cluster"
        errors={errorsFor(errors, "reason")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Scheduling…">
          Schedule
        </SubmitButton>
      </FormFooter>
    </ActionForm>
  );
}

function CancelWindowForm({ action, window, onDone }: { action: FormAction; window: MaintenanceView; onDone: (message: string) => void }) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <ActionForm action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={window.id} />
      {state && !state.ok ? <span className="text-xs text-red-600">{state.formError}</span> : null}
      <SubmitButton
        size="sm"
        variant="danger-ghost"
        pending={pending}
        pendingLabel="Cancelling…"
        aria-label={`Cancel maintenance starting ${formatUtc(window.startsAt)}`}
      >
        Cancel
      </SubmitButton>
    </ActionForm>
  );
}
