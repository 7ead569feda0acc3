import "server-only";
import { recordAuditOnly } from "@/lib/audit/append";
import { AppError } from "@/lib/errors";
import { auditActor, type RequestContext, type SessionUser } from "@/lib/context";
import { can, type Permission } from "../permissions";

/**
 * The one server-side gate (DESIGN.md invariant 3). Every action and session-authenticated
 * route handler calls it before touching input. A refusal is itself an audit event,
 * written in its own transaction since the caller's work will not happen.
 */
export async function requireRole(ctx: RequestContext, permission: Permission): Promise<SessionUser> {
  if (!ctx.user) {
    await recordDenial(ctx, permission, "not_signed_in");
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  if (!can(ctx.user.roles, permission)) {
    await recordDenial(ctx, permission, "missing_role");
    throw new AppError("forbidden", "You do not have permission to do this.");
  }
  return ctx.user;
}

export async function recordDenial(
  ctx: RequestContext,
  permission: string,
  reason: string,
  resource?: { type: string; id: string | null },
) {
  await recordAuditOnly(auditActor(ctx), {
    type: "access_denied",
    action: "access.denied",
    outcome: "denied",
    resource: resource ?? null,
    metadata: { permission, reason, roles: ctx.user?.roles ?? [] },
  });
}
