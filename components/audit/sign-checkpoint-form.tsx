"use client";

import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form-action";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Signs the current head on demand (the action is audited and revalidates the list). */
export function SignCheckpointForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <SubmitButton pending={pending} pendingLabel="Signing…" size="sm">
        Sign checkpoint now
      </SubmitButton>
      <FormMessage state={state} className="max-w-sm" />
    </form>
  );
}
