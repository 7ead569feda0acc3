"use server";

import { redirect } from "next/navigation";
import { db } from "@/db/client";
import type { ActionState } from "@/lib/actions/action-state";
import { recordAudit } from "@/lib/audit/append";
import { auditActor } from "@/lib/context";
import { signIn, signOut } from "./next-auth";
import { getRequestContext } from "./session/request-context";
import { revokeSession } from "./session/session-store";
import { SignInInput } from "./sign-in/sign-in";
import { validationError } from "@/lib/validation";

const MESSAGES: Record<string, string> = {
  invalid_credentials: "Wrong email or password.",
  invalid_code: "That code is not valid (or was already used). Enter the current code from your authenticator app.",
  mfa_required: "Enter the 6-digit code from your authenticator app.",
};

/**
 * Sign-in is the one action without a permission: it is how a visitor gets one. Its input
 * is still parsed by zod, and every attempt is audited inside authenticate().
 */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = SignInInput.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    code: formData.get("code") ?? undefined,
  });
  if (!parsed.success) {
    const err = validationError(parsed.error);
    return { ok: false, code: "validation", fieldErrors: err.fieldErrors };
  }
  const callbackUrl = safeCallback(formData.get("callbackUrl"));
  try {
    await signIn("credentials", { ...parsed.data, code: parsed.data.code ?? "", redirect: false });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "string") throw err;
    const [reason, retry] = code.split(":");
    if (reason === "throttled") {
      const minutes = Math.max(1, Math.ceil(Number(retry) / 60));
      return {
        ok: false,
        code: "rate_limited",
        formError: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      };
    }
    return { ok: false, code: reason ?? "invalid_credentials", formError: MESSAGES[reason ?? ""] ?? MESSAGES.invalid_credentials };
  }
  redirect(callbackUrl);
}

export async function signOutAction(): Promise<void> {
  const ctx = await getRequestContext();
  if (ctx.user && ctx.sessionId) {
    const sessionId = ctx.sessionId;
    const user = ctx.user;
    await db.transaction(async (tx) => {
      await revokeSession(tx, sessionId);
      await recordAudit(tx, auditActor(ctx), {
        type: "logout",
        action: "user.signed_out",
        outcome: "success",
        resource: { type: "user", id: user.id },
        metadata: {},
      });
    });
  }
  await signOut({ redirectTo: "/sign-in" });
}

/** Only same-site paths: an open redirect after sign-in is a phishing tool. */
function safeCallback(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}
