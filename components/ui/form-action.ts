import type { ActionState } from "@/lib/actions/action-state";

/** A server action as forms receive it from their page (useActionState's signature). */
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
