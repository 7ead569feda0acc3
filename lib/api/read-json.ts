import { AppError } from "@/lib/errors";

/** Reads a JSON request body, refusing other content types, oversized bodies and bad JSON. */
export async function readJson(request: Request, maxBytes = 20 * 1024 * 1024): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type))
    throw new AppError("validation", "Send a JSON body with `Content-Type: application/json`.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("validation", `The body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("validation", `The body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation", "The body is not valid JSON.");
  }
}
