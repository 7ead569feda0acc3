import { apiKeyRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { recordConsentFromApi } from "@/lib/privacy/api-record";

/**
 * `POST` a consent decision from a service that collected it: `granted` / `refused` (with
 * consentType, purposes, policyVersion, optional expiresInDays) or `withdrawn` (purposes;
 * none: all granted). Appends a record; the identifier is pseudonymized and never echoed.
 */
export const POST = apiKeyRoute("consent.record", { scope: "consent:write" }, async (request, { ctx }) => {
  const result = await recordConsentFromApi(ctx, await readJson(request, 16 * 1024));
  return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
});
