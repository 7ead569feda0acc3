import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { SessionUser } from "@/lib/context";
import { can, type Permission } from "../permissions";
import { recordDenial } from "./require-role";
import { getRequestContext } from "../session/request-context";

/**
 * For pages: signed-out visitors go to sign-in; a signed-in user without the permission
 * gets the 403 page, and the attempt is audited.
 */
export async function requirePagePermission(permission: Permission, path: string): Promise<SessionUser> {
  const ctx = await getRequestContext();
  if (!ctx.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(ctx.user.roles, permission)) {
    await recordDenial(ctx, permission, "missing_role", { type: "page", id: path });
    forbidden();
  }
  return ctx.user;
}

/** For pages any signed-in user may open. */
export async function requireSignedIn(path: string): Promise<SessionUser> {
  const ctx = await getRequestContext();
  if (!ctx.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return ctx.user;
}
