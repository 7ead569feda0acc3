import "server-only";
import type { Permission } from "./permissions";
import type { RequestContext, SessionUser } from "@/lib/context";

/**
 * The auth module's verbs for everyone else: the one server-side gate (requireRole), the
 * page guards, the request's context, sessions, passwords and the sealed TOTP secrets.
 *
 * The request context and the page guards reach next-auth and Next's request scope, which
 * machine routes, the worker and scripts never need: they are loaded on first use.
 */
export { recordDenial, requireRole } from "./guard/require-role";
export { SESSION_TTL_SECONDS, createSession, loadSessionUser, revokeSession, revokeUserSessions } from "./session/session-store";
export { clientIpFrom } from "./session/client-ip";
export { hashPassword } from "./sign-in/password";
export { TOTP_PURPOSE } from "./sign-in/sign-in";
export { matchTotpStep, newTotpSecret, totpCode, totpUri } from "./mfa/totp";
export { seal, unseal } from "./mfa/secret-box";

/** The signed-in user (fresh from the database) and the request's origin; once per request. */
export async function getRequestContext(): Promise<RequestContext> {
  return (await import("./session/request-context")).getRequestContext();
}

/** For pages: signed-out visitors go to sign-in; a user without the permission gets the 403 page (audited). */
export async function requirePagePermission(permission: Permission, path: string): Promise<SessionUser> {
  return (await import("./guard/page-guard")).requirePagePermission(permission, path);
}

/** For pages any signed-in user may open. */
export async function requireSignedIn(path: string): Promise<SessionUser> {
  return (await import("./guard/page-guard")).requireSignedIn(path);
}
