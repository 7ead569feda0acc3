"use server";

import { db } from "@/db/client";
import { defineAction } from "@/lib/actions/define-action";
import { CreateApiKeyInput, RevokeApiKeyInput } from "./schemas";
import { createApiKey, revokeApiKey } from "./service";

export const createApiKeyAction = defineAction(
  "api_keys.create",
  { permission: "api_keys.manage", schema: CreateApiKeyInput, revalidate: ["/settings/api-keys"] },
  async ({ ctx, input }) => {
    const key = await db.transaction((tx) => createApiKey(tx, ctx, input));
    return { message: "Key created. Copy it now: it will not be shown again.", data: { token: key.token, prefix: key.prefix } };
  },
);

export const revokeApiKeyAction = defineAction(
  "api_keys.revoke",
  { permission: "api_keys.manage", schema: RevokeApiKeyInput, revalidate: ["/settings/api-keys"] },
  async ({ ctx, input }) => {
    const key = await db.transaction((tx) => revokeApiKey(tx, ctx, input));
    return { message: `Key ${key.name} (${key.prefix}) revoked.` };
  },
);
