import { z } from "zod";

export const StartTotpInput = z.object({});
export const ConfirmTotpInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});
export type ConfirmTotpInput = z.infer<typeof ConfirmTotpInput>;
export const DisableTotpInput = ConfirmTotpInput;
export type DisableTotpInput = ConfirmTotpInput;
