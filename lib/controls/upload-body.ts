import { AppError } from "@/lib/errors";
import { formatBytes, MAX_EVIDENCE_BYTES } from "./evidence-file";

/** Room for the multipart boundaries and the small text fields beside the file. */
const OVERHEAD = 64 * 1024;

const tooLarge = () => {
  const message = `The upload is larger than the ${formatBytes(MAX_EVIDENCE_BYTES)} limit for evidence files. Nothing was stored.`;
  return new AppError("validation", message, { fieldErrors: { file: [message] } });
};

/**
 * Reads a multipart body, refusing it as soon as it passes the limit (by its declared length,
 * or while streaming when it declares none), so an oversized upload is never buffered whole.
 */
export async function readCappedForm(request: Request, maxBytes = MAX_EVIDENCE_BYTES + OVERHEAD): Promise<FormData> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  try {
    return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("validation", "Send the evidence as a multipart/form-data upload with a file field.", {
      fieldErrors: { file: ["Choose a file to upload."] },
    });
  }
}
