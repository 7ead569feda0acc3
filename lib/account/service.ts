import "server-only";
import { eq, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { seal, unseal, TOTP_PURPOSE, matchTotpStep, newTotpSecret, totpUri } from "@/lib/auth/service";
import { AppError } from "@/lib/errors";
import type { ConfirmTotpInput, DisableTotpInput } from "./schemas";

/**
 * TOTP enrolment in two steps: a pending secret is stored (sealed) and shown as a QR code;
 * it only protects the account once a code from the app proves the user has it.
 */
export async function startTotpEnrolment(tx: Transaction, ctx: RequestContext) {
  const user = await lockSelf(tx, ctx);
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on. Turn it off first to enrol a new device.");
  const secret = newTotpSecret();
  await tx
    .update(users)
    .set({ totpSecret: seal(secret, TOTP_PURPOSE), totpLastStep: null, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "user.mfa_enrolment_started",
    outcome: "success",
    resource: { type: "user", id: user.id },
    metadata: {},
  });
  const uri = totpUri(secret, user.email);
  return { uri, secret, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function confirmTotpEnrolment(tx: Transaction, ctx: RequestContext, input: ConfirmTotpInput) {
  const user = await lockSelf(tx, ctx);
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  if (!user.totpSecret) throw new AppError("conflict", "Start the enrolment first.");
  const step = matchTotpStep(unseal(user.totpSecret, TOTP_PURPOSE), input.code, null);
  if (step === null)
    throw new AppError("validation", "That code does not match.", {
      fieldErrors: { code: ["That code does not match: check the time on your device and try the next code."] },
    });
  await tx
    .update(users)
    .set({ totpEnabledAt: sql`now()`, totpLastStep: step, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "user.mfa_enabled",
    outcome: "success",
    resource: { type: "user", id: user.id },
    metadata: { before: { mfa: false }, after: { mfa: true } },
  });
}

export async function disableTotp(tx: Transaction, ctx: RequestContext, input: DisableTotpInput) {
  const user = await lockSelf(tx, ctx);
  if (!user.totpEnabledAt || !user.totpSecret) throw new AppError("conflict", "Two-factor sign-in is not on.");
  const step = matchTotpStep(unseal(user.totpSecret, TOTP_PURPOSE), input.code, user.totpLastStep);
  if (step === null)
    throw new AppError("validation", "That code does not match.", {
      fieldErrors: { code: ["That code does not match (each code works once)."] },
    });
  await tx
    .update(users)
    .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "user.mfa_disabled",
    outcome: "success",
    resource: { type: "user", id: user.id },
    metadata: { before: { mfa: true }, after: { mfa: false } },
  });
}

async function lockSelf(tx: Transaction, ctx: RequestContext) {
  if (!ctx.user) throw new AppError("unauthenticated", "Sign in to continue.");
  const [user] = await tx.select().from(users).where(eq(users.id, ctx.user.id)).for("update");
  if (!user) throw new AppError("not_found", "Your account no longer exists.");
  return user;
}
