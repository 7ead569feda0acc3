import { apiKeyStatementRoute } from "@/lib/api/define-route";
import { consentCheckForKey } from "@/lib/privacy/consent-check";
import { CheckConsentInput } from "@/lib/privacy/schemas";

/**
 * `POST {"subjectId": "...", "purpose": "model_training"}` → whether the use is allowed,
 * why, and (when allowed) the fields the purpose may use. The identifier is pseudonymized
 * at once and never echoed back. The check, and a denial's audit event, run inside the
 * key's authentication statement: every answer is one round trip.
 */
export const POST = apiKeyStatementRoute(
  "consent.check",
  { scope: "consent:check", input: CheckConsentInput, maxBytes: 16 * 1024, statement: consentCheckForKey },
  async (_request, { result: answer }) => Response.json(answer, { headers: { "cache-control": "no-store" } }),
);
