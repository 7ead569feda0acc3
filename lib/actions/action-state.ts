import type { FieldErrors } from "@/lib/errors";

/** What every server action returns, consumed by useActionState in forms. */
export type ActionState =
  | { ok: true; message?: string; data?: Record<string, unknown> }
  | { ok: false; code: string; formError?: string; fieldErrors?: FieldErrors }
  | null;
