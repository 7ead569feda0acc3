import type { AuditActor } from "@/lib/audit/vocabulary";
import type { ApiScope } from "./permissions";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string; roles: Role[]; totpEnabled: boolean };

export type ApiKeyPrincipal = { id: string; name: string; prefix: string; scopes: ApiScope[] };

/** Who is asking, and from where. Built once per request; services take it explicitly. */
export type RequestContext = {
  user: SessionUser | null;
  sessionId: string | null;
  apiKey: ApiKeyPrincipal | null;
  ip: string | null;
  userAgent: string | null;
};

export const ANONYMOUS: RequestContext = { user: null, sessionId: null, apiKey: null, ip: null, userAgent: null };

export function auditActor(ctx: RequestContext): AuditActor {
  return {
    userId: ctx.user?.id ?? null,
    apiKeyId: ctx.apiKey?.id ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    sessionId: ctx.sessionId,
  };
}
