"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/form-action";
import { Notice } from "@/components/ui/form-message";
import { ConfirmTotpForm, DisableTotpForm, StartTotpForm, type Enrolment } from "./totp-forms";

export function MfaManager({
  enabled,
  actions,
}: {
  enabled: boolean;
  actions: { start: FormAction; confirm: FormAction; disable: FormAction };
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const done = (message: string) => {
    setFlash(message);
    setEnrolment(null);
  };

  return (
    <Card>
      <CardHeader
        id="mfa-title"
        title="Two-factor sign-in"
        description="A time-based code from an authenticator app, asked for at every sign-in (RFC 6238)."
        actions={enabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
      />
      <CardBody className="space-y-4">
        <div role="status" aria-live="polite">
          {flash ? <Notice tone="success">{flash}</Notice> : null}
        </div>
        {enabled ? (
          <>
            <p className="text-[13px] text-zinc-600">
              Your account is protected by a second factor. To turn it off — for example to move to a new phone — enter a current code from
              your app.
            </p>
            <DisableTotpForm action={actions.disable} onDone={done} />
          </>
        ) : enrolment ? (
          <ConfirmTotpForm enrolment={enrolment} action={actions.confirm} onDone={done} onCancel={() => setEnrolment(null)} />
        ) : (
          <>
            <p className="text-[13px] text-zinc-600">
              Your account is protected by a password only. Set up an authenticator app so a stolen password is not enough to sign in as
              you.
            </p>
            <StartTotpForm
              action={actions.start}
              onStarted={(next) => {
                setFlash(null);
                setEnrolment(next);
              }}
            />
          </>
        )}
      </CardBody>
    </Card>
  );
}
