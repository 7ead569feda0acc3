"use client";

import { useState } from "react";
import { formatUtc } from "@/components/audit/event-display";
import { Badge } from "@/components/ui/badge";
import { Button, SubmitButton } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxGroup, errorsFor } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { STATUS_LABELS, type PromotionTarget } from "@/lib/governance/lifecycle";
import { roleLabel } from "./model-display";
import { VersionStatusBadge } from "./status-badge";

export type PolicyRow = { toStatus: PromotionTarget; requiredRoles: string[]; updatedAt: string; updatedBy: string | null };

/** The approval policy: which roles must approve a move to each status. */
export function PolicyManager({
  policies,
  approverRoles,
  action,
}: {
  policies: PolicyRow[];
  approverRoles: string[];
  action: FormAction | null;
}) {
  const [editing, setEditing] = useState<PolicyRow | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <>
      <div role="status" aria-live="polite" className={flash ? "mb-4" : ""}>
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      <table className="w-full text-left text-[13px]">
        <caption className="sr-only">Approval policy</caption>
        <thead>
          <tr className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-500">
            <th scope="col" className="px-5 py-2 font-medium">
              Moving to
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Must be approved by
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last changed
            </th>
            {action ? (
              <th scope="col" className="px-5 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {policies.map((p) => (
            <tr key={p.toStatus}>
              <th scope="row" className="px-5 py-3 font-normal">
                <VersionStatusBadge status={p.toStatus} />
              </th>
              <td className="px-3 py-3">
                <span className="flex flex-wrap gap-1">
                  {p.requiredRoles.map((r) => (
                    <Badge key={r} tone="accent">
                      {roleLabel(r)}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className="px-3 py-3 text-xs text-zinc-500">
                {p.updatedBy ? `${formatUtc(p.updatedAt).slice(0, 16)} by ${p.updatedBy}` : "Installed default"}
              </td>
              {action ? (
                <td className="px-5 py-3 text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setEditing(p)}
                    aria-label={`Edit roles for ${STATUS_LABELS[p.toStatus].toLowerCase()}`}
                  >
                    Edit
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {action ? (
        <Dialog
          open={editing !== null}
          onClose={() => setEditing(null)}
          title={editing ? `Approvals for ${STATUS_LABELS[editing.toStatus].toLowerCase()}` : ""}
          description="Requests opened from now on use the new roles; open requests keep the roles they were opened with."
        >
          {editing ? (
            <PolicyForm
              row={editing}
              approverRoles={approverRoles}
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
    </>
  );
}

function PolicyForm({
  row,
  approverRoles,
  action,
  onDone,
  onCancel,
}: {
  row: PolicyRow;
  approverRoles: string[];
  action: FormAction;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="toStatus" value={row.toStatus} />
      <CheckboxGroup
        legend="Required roles"
        name="roles"
        options={approverRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
        defaultChecked={row.requiredRoles}
        errors={errorsFor(fieldErrorsOf(state), "roles")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save policy
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
