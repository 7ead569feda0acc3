import type { ApiScope, Role } from "@/lib/auth/permissions";

/**
 * The small kernel every module shares: who is asking, from where, and who an audit event
 * names. Built once per request; services take it explicitly. It depends on nothing but
 * the names of roles and scopes.
 */
export type SessionUser = { id: string; email: string; name: string; roles: Role[]; totpEnabled: boolean };

export type ApiKeyPrincipal = { id: string; name: string; prefix: string; scopes: ApiScope[] };

export type RequestContext = {
  user: SessionUser | null;
  sessionId: string | null;
  apiKey: ApiKeyPrincipal | null;
  ip: string | null;
  userAgent: string | null;
};

export const ANONYMOUS: RequestContext = { user: null, sessionId: null, apiKey: null, ip: null, userAgent: null };

/** Who did it, taken from the request: never placeholders. */
export type AuditActor = {
  userId: string | null;
  apiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
};

/** The system itself (seed, worker): every field null. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, apiKeyId: null, ip: null, userAgent: null, sessionId: null };

export function auditActor(ctx: RequestContext): AuditActor {
  return {
    userId: ctx.user?.id ?? null,
    apiKeyId: ctx.apiKey?.id ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    sessionId: ctx.sessionId,
  };
}
