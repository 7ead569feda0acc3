import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { FormAction } from "./form-action";

/** useActionState over a server action, calling onSuccess (e.g. close a dialog) when it succeeds. */
export function useFormAction(action: FormAction, onSuccess?: (message: string, state: ActionState) => void) {
  return useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const next = (await action(previous, formData)) ?? null;
    if (next?.ok) onSuccess?.(next.message ?? "Saved.", next);
    return next;
  }, null);
}

export function fieldErrorsOf(state: ActionState) {
  return state && !state.ok ? state.fieldErrors : undefined;
}
