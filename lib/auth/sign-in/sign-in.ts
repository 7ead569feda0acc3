import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit, recordAuditOnly } from "@/lib/audit/append";
import type { AuditActor } from "@/lib/context";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { unseal } from "../mfa/secret-box";
import { createSession } from "../session/session-store";
import { clearFailures, lockedFor, recordFailure, throttleKeys } from "./throttle";
import { matchTotpStep } from "../mfa/totp";

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "The code has 6 digits.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Why a sign-in did not succeed. The first two deliberately say the same to the user. */
export type SignInRefusal = "invalid_credentials" | "mfa_required" | "invalid_code" | "throttled";

export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
  }
}

export const TOTP_PURPOSE = "totp-secret";

type Origin = { ip: string | null; userAgent: string | null };

/**
 * Email + password (+ TOTP when enrolled). Unknown email, wrong password and disabled
 * account give the same answer after the same argon2 work. Returns the new session id.
 */
export async function authenticate(raw: unknown, origin: Origin): Promise<{ userId: string; sessionId: string }> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) throw new SignInRefused("invalid_credentials");
  const { email, password, code } = parsed.data;
  const keys = throttleKeys(email, origin.ip);

  const wait = await lockedFor(keys);
  if (wait > 0) {
    await audit(origin, null, "failure", { reason: "throttled" });
    throw new SignInRefused("throttled", wait);
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordFailure(keys);
    const reason = !user ? "unknown_account" : user.disabledAt ? "account_disabled" : "wrong_password";
    await audit(origin, user?.id ?? null, "failure", { reason });
    throw new SignInRefused("invalid_credentials");
  }

  if (user.totpEnabledAt && user.totpSecret) {
    if (!code) {
      // The password was right and the second factor is now asked for: a step worth recording
      // (a stolen password shows up here), but not a failed sign-in.
      await audit(origin, user.id, "success", { reason: "mfa_required" }, "user.mfa_challenged");
      throw new SignInRefused("mfa_required");
    }
    const step = matchTotpStep(unseal(user.totpSecret, TOTP_PURPOSE), code, user.totpLastStep);
    // Claim the step atomically: two requests racing with the same code cannot both pass.
    const claimed =
      step !== null &&
      (
        await db
          .update(users)
          .set({ totpLastStep: step })
          .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
          .returning({ id: users.id })
      ).length === 1;
    if (!claimed) {
      await recordFailure(keys);
      await audit(origin, user.id, "failure", { reason: "invalid_totp_code" });
      throw new SignInRefused("invalid_code");
    }
  }

  await clearFailures(keys.slice(0, 1)); // the account's counter only: one good login must not reset an IP's
  return db.transaction(async (tx) => {
    const sessionId = await createSession(tx, user.id, origin.ip, origin.userAgent);
    await recordAudit(
      tx,
      { userId: user.id, apiKeyId: null, ip: origin.ip, userAgent: origin.userAgent, sessionId },
      {
        type: "login",
        action: "user.signed_in",
        outcome: "success",
        resource: { type: "user", id: user.id },
        metadata: { mfa: Boolean(user.totpEnabledAt) },
      },
    );
    return { userId: user.id, sessionId };
  });
}

async function audit(
  origin: Origin,
  userId: string | null,
  outcome: "success" | "failure",
  metadata: Record<string, unknown>,
  action = "user.sign_in_failed",
) {
  const actor: AuditActor = { userId, apiKeyId: null, ip: origin.ip, userAgent: origin.userAgent, sessionId: null };
  await recordAuditOnly(actor, {
    type: "login",
    action,
    outcome,
    resource: userId ? { type: "user", id: userId } : null,
    metadata,
  });
}
