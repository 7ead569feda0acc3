"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import type { ModelCard } from "@/lib/governance/gates";
import { STATUS_LABELS, type PromotionTarget } from "@/lib/governance/lifecycle";
import { RequestPromotionForm } from "./promotion-form";
import { ModelCardForm, ReplaceArtifactForm } from "./version-forms";

type Props = {
  versionId: string;
  card: ModelCard;
  hasOpenRequest: boolean;
  /** The one status it may move to next, with the roles the policy requires, when the user may request it. */
  promotion: { toStatus: PromotionTarget; requiredRoles: string[] } | null;
  actions: { requestPromotion?: FormAction; updateCard?: FormAction; replaceArtifact?: FormAction };
};

/** The version page's buttons: request the next step, edit the card, replace the artifact. */
export function VersionActions({ versionId, card, hasOpenRequest, promotion, actions }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<"promote" | "card" | "artifact" | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const close = () => setOpen(null);
  const done = (message: string) => {
    setFlash(message);
    setOpen(null);
  };
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {actions.replaceArtifact ? (
          <Button variant="secondary" onClick={() => setOpen("artifact")}>
            Replace artifact
          </Button>
        ) : null}
        {actions.updateCard ? (
          <Button variant="secondary" onClick={() => setOpen("card")}>
            Edit model card
          </Button>
        ) : null}
        {promotion && actions.requestPromotion ? (
          <Button onClick={() => setOpen("promote")}>Request promotion to {STATUS_LABELS[promotion.toStatus].toLowerCase()}</Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite">
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      {promotion && actions.requestPromotion ? (
        <Dialog open={open === "promote"} onClose={close} title={`Request promotion to ${STATUS_LABELS[promotion.toStatus].toLowerCase()}`}>
          <RequestPromotionForm
            versionId={versionId}
            toStatus={promotion.toStatus}
            requiredRoles={promotion.requiredRoles}
            action={actions.requestPromotion}
            onCancel={close}
            onDone={(_message, state) => {
              setOpen(null);
              const href = state?.ok ? state.data?.href : undefined;
              if (typeof href === "string") router.push(href);
            }}
          />
        </Dialog>
      ) : null}
      {actions.updateCard ? (
        <Dialog open={open === "card"} onClose={close} title="Edit model card" width="max-w-2xl">
          <ModelCardForm versionId={versionId} card={card} action={actions.updateCard} onDone={done} onCancel={close} />
        </Dialog>
      ) : null}
      {actions.replaceArtifact ? (
        <Dialog
          open={open === "artifact"}
          onClose={close}
          title="Replace artifact"
          description="For a rebuilt model file. Approvals are bound to the artifact digest."
        >
          <ReplaceArtifactForm
            versionId={versionId}
            hasOpenRequest={hasOpenRequest}
            action={actions.replaceArtifact}
            onDone={done}
            onCancel={close}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
