import { sessionRoute } from "@/lib/api/define-route";
import { signingKeys } from "@/lib/audit/signing-key";
import { AppError } from "@/lib/errors";

/** The checkpoint key, for auditors to pin out of band. */
export const GET = sessionRoute("audit.public_key", { permission: "audit.read" }, async () => {
  const keys = signingKeys();
  if (!keys) throw new AppError("not_found", "No audit signing key is configured on this server.");
  return new Response(keys.publicPem, {
    headers: { "content-type": "application/x-pem-file", "content-disposition": 'attachment; filename="assay-audit-public-key.pem"' },
  });
});
