"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { errorsFor } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { fieldErrorsOf, useFormAction } from "@/components/ui/use-form-action";
import { roleLabel } from "./model-display";

type Props = {
  requestId: string;
  open: boolean;
  isRequester: boolean;
  approveAs: string[];
  canReject: boolean;
  /** Why this person cannot approve, when they cannot. */
  reason: string | null;
  gatesFailing: number;
  actions: { approve: FormAction; reject: FormAction; cancel: FormAction };
};

/**
 * Approve, reject (comment required) or, for the requester, cancel. It stays mounted when
 * the page refreshes after a decision, so the outcome message outlives the form.
 */
export function DecisionPanel({ requestId, open, isRequester, approveAs, canReject, reason, gatesFailing, actions }: Props) {
  const [approved, approve, approving] = useFormAction(actions.approve);
  const [rejected, reject, rejecting] = useFormAction(actions.reject);
  const [cancelled, cancel, cancelling] = useFormAction(actions.cancel);
  // Which button was pressed last decides which outcome the message region shows.
  const [last, setLast] = useState<"approve" | "reject" | "cancel">("approve");
  const state = { approve: approved, reject: rejected, cancel: cancelled }[last];
  const canDecide = open && (approveAs.length > 0 || canReject);

  return (
    <div className="space-y-3 px-5 py-4">
      {canDecide ? (
        <form noValidate className="space-y-3">
          <input type="hidden" name="requestId" value={requestId} />
          {gatesFailing > 0 ? <Notice tone="warning">Approval is blocked until every check passes. You can still reject.</Notice> : null}
          {approveAs.length > 1 ? (
            <SelectField
              label="Approve as"
              name="role"
              options={approveAs.map((r) => ({ value: r, label: roleLabel(r) }))}
              hint="You hold more than one role still needed; you fill one."
            />
          ) : null}
          <TextareaField
            label="Comment"
            name="comment"
            rows={3}
            hint="Optional for an approval; required for a rejection."
            errors={errorsFor(fieldErrorsOf(rejected), "comment")}
          />
          <div className="flex flex-wrap gap-2">
            {approveAs.length > 0 ? (
              <SubmitButton
                formAction={approve}
                onClick={() => setLast("approve")}
                pending={approving}
                pendingLabel="Approving…"
                disabled={rejecting || approving}
              >
                Approve{approveAs.length === 1 ? ` as ${roleLabel(approveAs[0]!)}` : ""}
              </SubmitButton>
            ) : null}
            {canReject ? (
              <SubmitButton
                formAction={reject}
                onClick={() => setLast("reject")}
                variant="danger"
                pending={rejecting}
                pendingLabel="Rejecting…"
                disabled={rejecting || approving}
              >
                Reject
              </SubmitButton>
            ) : null}
          </div>
        </form>
      ) : open && isRequester ? (
        <form action={cancel} className="space-y-3">
          <input type="hidden" name="requestId" value={requestId} />
          <p className="text-[13px] text-zinc-600">
            You opened this request, so you cannot approve it: each required role must be filled by someone else.
          </p>
          <SubmitButton variant="secondary" onClick={() => setLast("cancel")} pending={cancelling} pendingLabel="Cancelling…">
            Cancel request
          </SubmitButton>
        </form>
      ) : open ? (
        <p className="text-[13px] text-zinc-600">{reason ?? "You cannot decide on this request."}</p>
      ) : (
        <p className="text-[13px] text-zinc-600">This request is closed and takes no more decisions.</p>
      )}
      <FormMessage state={state} />
    </div>
  );
}
