"use server";

import { db } from "@/db/client";
import { defineAction } from "@/lib/actions/define-action";
import { ConfirmTotpInput, DisableTotpInput, StartTotpInput } from "./schemas";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "./service";

export const startTotpEnrolmentAction = defineAction(
  "account.start_totp",
  { permission: "account.manage", schema: StartTotpInput },
  async ({ ctx }) => {
    const enrolment = await db.transaction((tx) => startTotpEnrolment(tx, ctx));
    return { message: "Scan the code, then enter the 6-digit code it shows.", data: enrolment };
  },
);

export const confirmTotpEnrolmentAction = defineAction(
  "account.confirm_totp",
  { permission: "account.manage", schema: ConfirmTotpInput, revalidate: ["/settings/account"] },
  async ({ ctx, input }) => {
    await db.transaction((tx) => confirmTotpEnrolment(tx, ctx, input));
    return { message: "Two-factor sign-in is on. You will be asked for a code at every sign-in." };
  },
);

export const disableTotpAction = defineAction(
  "account.disable_totp",
  { permission: "account.manage", schema: DisableTotpInput, revalidate: ["/settings/account"] },
  async ({ ctx, input }) => {
    await db.transaction((tx) => disableTotp(tx, ctx, input));
    return { message: "Two-factor sign-in is off." };
  },
);
