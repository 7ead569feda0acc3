import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/permissions";

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after its client.").max(80, "At most 80 characters."),
  // No ticked box sends no field: prefault([]) lets min(1) give its message.
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Unknown scope." }))
    .min(1, "Choose at least one scope.")
    .prefault([]),
  ratePerMinute: z.coerce.number().int("A whole number.").min(1, "At least 1.").max(100_000, "At most 100,000.").default(600),
  ratePerDay: z.coerce.number().int("A whole number.").min(1, "At least 1.").max(100_000_000, "At most 100,000,000.").default(100_000),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ keyId: z.uuid("Unknown key.") });
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;
