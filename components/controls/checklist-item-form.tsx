"use client";

import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { CHECKLIST_STATUS_LABELS, CHECKLIST_STATUSES, type ChecklistStatus } from "@/lib/controls/vocabulary";
import { SelectField } from "@/components/ui/select-field";

/** Status (and, for a compliance officer, owner) of one checklist item. */
export function ChecklistItemForm({
  action,
  itemId,
  title,
  status,
  ownerId,
  owners,
}: {
  action: FormAction;
  itemId: string;
  title: string;
  status: ChecklistStatus;
  ownerId: string | null;
  owners: { value: string; label: string }[] | null;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <SelectField
        label={`Status of ${title}`}
        name="status"
        defaultValue={status}
        options={CHECKLIST_STATUSES.map((s) => ({ value: s, label: CHECKLIST_STATUS_LABELS[s] }))}
        className="w-36 [&_label]:sr-only"
      />
      {owners ? (
        <SelectField
          label={`Owner of ${title}`}
          name="ownerId"
          defaultValue={ownerId ?? ""}
          placeholder="No owner"
          options={owners}
          className="w-44 [&_label]:sr-only"
        />
      ) : null}
      <SubmitButton pending={pending} pendingLabel="Saving…" size="sm" variant="secondary" aria-label={`Save ${title}`}>
        Save
      </SubmitButton>
      <FormMessage state={state} className="w-full" />
    </form>
  );
}
