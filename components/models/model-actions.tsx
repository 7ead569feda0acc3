"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import { ThresholdsForm } from "./model-forms";
import { RegisterVersionForm } from "./version-forms";

/** The model page's buttons and their dialogs; the server decides which the user may see. */
export function ModelActions({
  modelId,
  thresholds,
  actions,
}: {
  modelId: string;
  thresholds: string;
  actions: { registerVersion?: FormAction; setThresholds?: FormAction };
}) {
  const [open, setOpen] = useState<"version" | "thresholds" | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const done = (message: string) => {
    setFlash(message);
    setOpen(null);
  };
  const close = () => setOpen(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {actions.setThresholds ? (
          <Button variant="secondary" onClick={() => setOpen("thresholds")}>
            Edit thresholds
          </Button>
        ) : null}
        {actions.registerVersion ? <Button onClick={() => setOpen("version")}>Register version</Button> : null}
      </div>
      <div role="status" aria-live="polite">
        {flash ? <Notice tone="success">{flash}</Notice> : null}
      </div>
      {actions.registerVersion ? (
        <Dialog
          open={open === "version"}
          onClose={close}
          title="Register version"
          description="It starts in development. Metrics and the model card are the evidence approvers read."
          width="max-w-2xl"
        >
          <RegisterVersionForm modelId={modelId} action={actions.registerVersion} onDone={done} onCancel={close} />
        </Dialog>
      ) : null}
      {actions.setThresholds ? (
        <Dialog
          open={open === "thresholds"}
          onClose={close}
          title="Metric thresholds"
          description="A request to production can only be approved when the version meets every threshold."
        >
          <ThresholdsForm modelId={modelId} current={thresholds} action={actions.setThresholds} onDone={done} onCancel={close} />
        </Dialog>
      ) : null}
    </div>
  );
}
