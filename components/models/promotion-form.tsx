"use client";

import { SubmitButton } from "@/components/ui/button";
import { errorsFor } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormFooter } from "@/components/ui/form-footer";
import { FormMessage } from "@/components/ui/form-message";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { STATUS_LABELS, type PromotionTarget } from "@/lib/governance/lifecycle";
import { roleList } from "./model-display";

export function RequestPromotionForm({
  versionId,
  toStatus,
  requiredRoles,
  action,
  onDone,
  onCancel,
}: {
  versionId: string;
  toStatus: PromotionTarget;
  requiredRoles: string[];
  action: FormAction;
  onDone: (message: string, state: ActionState) => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useFormAction(action, onDone);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="toStatus" value={toStatus} />
      <p className="text-[13px] text-zinc-600">
        Approvals needed, each from a different person (not you):{" "}
        <strong className="font-medium text-zinc-900">{roleList(requiredRoles)}</strong>.
      </p>
      <TextareaField
        label="Justification"
        name="justification"
        rows={4}
        required
        hint={`Why should this version move to ${STATUS_LABELS[toStatus].toLowerCase()}? Approvers read this first.`}
        errors={errorsFor(fieldErrorsOf(state), "justification")}
      />
      <FormMessage state={state} />
      <FormFooter onCancel={onCancel}>
        <SubmitButton pending={pending} pendingLabel="Requesting…">
          Request promotion
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
