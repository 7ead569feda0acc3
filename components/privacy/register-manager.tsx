"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import type { ActivityRow } from "@/lib/privacy/rows";
import { humanize, type PurposeOption } from "./purpose-options";
import { ActivityForm, PurposeForm } from "./register-forms";

type Open = { kind: "purpose"; purpose: PurposeOption | null } | { kind: "activity" } | null;
const th = "px-4 py-2 text-xs font-medium text-zinc-500";
const td = "px-4 py-2.5 align-top text-zinc-700";

function Tags({ values }: { values: string[] }) {
  if (values.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {values.map((v) => (
        <Badge key={v}>{v}</Badge>
      ))}
    </span>
  );
}

/** The purposes catalog with its minimization rules, and the processing register. */
export function RegisterManager({
  purposes,
  activities,
  actions,
}: {
  purposes: PurposeOption[];
  activities: ActivityRow[];
  actions: { purpose: FormAction; activity: FormAction } | null;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const close = () => setOpen(null);
  const done = (m: string) => {
    setFlash(m);
    close();
  };
  const label = new Map(purposes.map((p) => [p.key, p.label]));
  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite">
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      <Card>
        <CardHeader
          title="Purposes and data minimization"
          description="Each purpose may use only its allowed fields; an allowed consent check returns them."
          actions={
            actions ? (
              <Button variant="secondary" onClick={() => setOpen({ kind: "purpose", purpose: null })}>
                New purpose
              </Button>
            ) : null
          }
        />
        <table className="w-full text-left text-[13px]">
          <caption className="sr-only">Purposes</caption>
          <thead className="border-b border-zinc-100 bg-zinc-50/80">
            <tr>
              <th scope="col" className={th}>
                Purpose
              </th>
              <th scope="col" className={th}>
                Allowed fields
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {purposes.map((p) => (
              <tr key={p.key}>
                <td className={td}>
                  <span className="font-medium text-zinc-900">{p.label}</span>{" "}
                  <code className="font-mono text-xs text-zinc-500">{p.key}</code>
                </td>
                <td className={td}>
                  <Tags values={p.allowedFields} />
                </td>
                <td className={`${td} text-right`}>
                  {actions ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setOpen({ kind: "purpose", purpose: p })}
                      aria-label={`Edit ${p.label}`}
                    >
                      Edit
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <CardHeader
          title="Processing activities"
          description="What is done with personal data, on what legal basis, for how long, shared with whom."
          actions={actions ? <Button onClick={() => setOpen({ kind: "activity" })}>New activity</Button> : null}
        />
        <table className="w-full text-left text-[13px]">
          <caption className="sr-only">Processing activities</caption>
          <thead className="border-b border-zinc-100 bg-zinc-50/80">
            <tr>
              {["Activity", "Purpose", "Data categories", "Legal basis", "Retention", "Recipients"].map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {activities.map((a) => (
              <tr key={a.id}>
                <td className={`${td} font-medium text-zinc-900`}>{a.name}</td>
                <td className={td}>{label.get(a.purpose) ?? a.purpose}</td>
                <td className={td}>
                  <Tags values={a.dataCategories} />
                </td>
                <td className={td}>{humanize(a.legalBasis)}</td>
                <td className={`${td} tabular-nums`}>{a.retentionDays} days</td>
                <td className={td}>
                  <Tags values={a.recipients} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {activities.length === 0 ? (
          <p className="px-4 py-6 text-center text-[13px] text-zinc-500">No processing activities registered.</p>
        ) : null}
      </Card>
      {actions ? (
        <>
          <Dialog
            open={open?.kind === "purpose"}
            onClose={close}
            title={open?.kind === "purpose" && open.purpose ? `Edit ${open.purpose.label}` : "New purpose"}
          >
            {open?.kind === "purpose" ? (
              <PurposeForm action={actions.purpose} purpose={open.purpose} onDone={done} onCancel={close} />
            ) : null}
          </Dialog>
          <Dialog open={open?.kind === "activity"} onClose={close} title="New processing activity">
            <ActivityForm action={actions.activity} purposes={purposes} onDone={done} onCancel={close} />
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
