import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { RequestContext, SessionUser } from "@/lib/context";
import type { Permission } from "@/lib/auth/permissions";
import { requireRole, getRequestContext } from "@/lib/auth/service";
import { isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { ActionState } from "./action-state";
import { formDataToObject } from "./form-data";

export type ActionResult = { message?: string; data?: Record<string, unknown> } | void;

type Handler<S extends z.ZodType> = (args: { ctx: RequestContext; user: SessionUser; input: z.output<S> }) => Promise<ActionResult>;

export type RegisteredAction = {
  name: string;
  permission: Permission;
  /** Runs the action for an explicit context, without Next's request scope (tests). */
  invoke: (ctx: RequestContext, raw: Record<string, unknown>) => Promise<ActionState>;
};

/** Every action defined in the app, for the permission-matrix test. */
export const actionRegistry = new Map<string, RegisteredAction>();

/**
 * The only way to write a server action, so that none lacks a schema or a permission:
 * authorize (audited on refusal) → parse → run the service verb → revalidate. Expected
 * failures become an ActionState; anything else is logged and reported generically.
 */
export function defineAction<S extends z.ZodType>(
  name: string,
  options: { permission: Permission; schema: S; revalidate?: string[] },
  handler: Handler<S>,
) {
  async function invoke(ctx: RequestContext, raw: Record<string, unknown>, revalidate = false): Promise<ActionState> {
    try {
      const user = await requireRole(ctx, options.permission);
      const input = parseInput(options.schema, raw);
      const result = await handler({ ctx, user, input });
      if (revalidate) for (const path of options.revalidate ?? []) revalidatePath(path);
      return { ok: true, ...(result ?? {}) };
    } catch (err) {
      return toActionState(name, err);
    }
  }

  actionRegistry.set(name, { name, permission: options.permission, invoke: (ctx, raw) => invoke(ctx, raw) });

  return async function action(_previous: ActionState, formData: FormData): Promise<ActionState> {
    return invoke(await getRequestContext(), formDataToObject(formData), true);
  };
}

export function toActionState(name: string, err: unknown): ActionState {
  if (isAppError(err)) {
    return { ok: false, code: err.code, formError: err.fieldErrors ? undefined : err.message, fieldErrors: err.fieldErrors };
  }
  console.error(`[assay] action ${name} failed`, err);
  return { ok: false, code: "internal", formError: "Something went wrong on our side. Nothing was changed; please try again." };
}
