import { apiKeyRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { checkConsent } from "@/lib/privacy/consent-service";
import { CheckConsentInput } from "@/lib/privacy/schemas";
import { parseInput } from "@/lib/validation";

/**
 * `POST {"subjectId": "...", "purpose": "model_training"}` → whether the use is allowed,
 * why, and (when allowed) the fields the purpose may use. The identifier is pseudonymized
 * at once and never echoed back.
 */
export const POST = apiKeyRoute("consent.check", { scope: "consent:check" }, async (request, { ctx }) => {
  const input = parseInput(CheckConsentInput, await readJson(request, 16 * 1024));
  const answer = await checkConsent(ctx, input);
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});
