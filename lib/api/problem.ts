import { HTTP_STATUS, isAppError } from "@/lib/errors";

const TITLES: Record<string, string> = {
  validation: "Invalid request",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  rate_limited: "Too many requests",
  internal: "Internal error",
};

/** RFC 9457 problem details; `errors` names each bad field. */
export function problemResponse(err: unknown, instance?: string): Response {
  if (!isAppError(err)) {
    console.error("[assay] route handler failed", err);
  }
  const code = isAppError(err) ? err.code : "internal";
  const status = isAppError(err) ? HTTP_STATUS[err.code] : 500;
  const body = {
    type: `urn:assay:problem:${code}`,
    title: TITLES[code],
    status,
    detail: isAppError(err) ? err.message : "Something went wrong on our side; nothing was changed.",
    ...(instance ? { instance } : {}),
    ...(isAppError(err) && err.fieldErrors
      ? { errors: Object.entries(err.fieldErrors).map(([field, messages]) => ({ field, messages })) }
      : {}),
  };
  const headers = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store" });
  if (isAppError(err) && err.retryAfter) headers.set("retry-after", String(err.retryAfter));
  if (status === 401) headers.set("www-authenticate", 'Bearer realm="assay"');
  return new Response(JSON.stringify(body), { status, headers });
}
