import { sessionRoute } from "@/lib/api/define-route";
import { readEvidence } from "@/lib/controls/service";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Evidence download: the bytes are re-hashed and compared with the SHA-256 recorded at
 * upload before anything is sent; the hash also travels in Repr-Digest (RFC 9530) so a
 * client can check what it received.
 */
export const GET = sessionRoute("controls.evidence_download", { permission: "controls.read" }, async (request, { ctx, params }) => {
  // The path segment, also when invoked without route params (the permission-matrix test).
  const id = typeof params.id === "string" ? params.id : (new URL(request.url).pathname.split("/").pop() ?? "");
  if (!UUID.test(id)) throw new AppError("not_found", "No such evidence.");
  const { meta, bytes } = await readEvidence(ctx, id);
  const ascii = meta.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": meta.contentType,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
      "repr-digest": `sha-256=:${Buffer.from(meta.sha256, "hex").toString("base64")}:`,
      "x-content-sha256": meta.sha256,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
});
