import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import type { RequestContext } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { recordConsent, withdrawConsent } from "./consent-service";
import { RecordConsentInput, WithdrawConsentInput } from "./schemas";

// JSON sends purposes as an array and the expiry as a number; the form schemas accept both.
const ApiConsentBody = z.discriminatedUnion("status", [
  RecordConsentInput.extend({ status: z.enum(["granted", "refused"], { error: "status must be granted, refused or withdrawn." }) }),
  WithdrawConsentInput.extend({ status: z.literal("withdrawn") }),
]);

/** A consent decision reported by a service (POST /api/v1/consent/records): one audited append. */
export async function recordConsentFromApi(ctx: RequestContext, body: unknown): Promise<{ id: string; status: string }> {
  const input = parseInput(ApiConsentBody, body);
  const { id } = await db.transaction((tx) =>
    input.status === "withdrawn" ? withdrawConsent(tx, ctx, input, "api") : recordConsent(tx, ctx, input, "api"),
  );
  return { id, status: input.status };
}
