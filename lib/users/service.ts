import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { hashPassword, revokeUserSessions } from "@/lib/auth/service";
import { AppError } from "@/lib/errors";
import { getUser, type UserListItem } from "./queries";
import type { CreateUserInput, SetUserDisabledInput, UpdateUserRolesInput } from "./schemas";

/** Domain verbs for accounts. Callers hold the transaction; each verb audits within it, last. */

export async function createUser(tx: Transaction, ctx: RequestContext, input: CreateUserInput): Promise<UserListItem> {
  const passwordHash = await hashPassword(input.password);
  const inserted = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const id = inserted[0]?.id;
  if (!id)
    throw new AppError("conflict", "A user with this email already exists.", {
      fieldErrors: { email: ["A user with this email already exists."] },
    });
  await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: id, role, grantedBy: ctx.user?.id ?? null })));
  const after = (await getUser(tx, id))!;
  await recordAudit(tx, auditActor(ctx), {
    type: "permission_change",
    action: "user.created",
    outcome: "success",
    resource: { type: "user", id },
    metadata: { before: null, after: snapshot(after) },
  });
  return after;
}

export async function updateUserRoles(tx: Transaction, ctx: RequestContext, input: UpdateUserRolesInput): Promise<UserListItem> {
  const before = await lockUser(tx, input.userId);
  const roles = [...new Set(input.roles)].sort();
  if (input.userId === ctx.user?.id && before.roles.includes("admin") && !roles.includes("admin")) {
    throw new AppError("conflict", "You cannot remove your own admin role: ask another admin.");
  }
  await tx.delete(userRoles).where(eq(userRoles.userId, input.userId));
  if (roles.length > 0) {
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: input.userId, role, grantedBy: ctx.user?.id ?? null })));
  }
  await tx
    .update(users)
    .set({ updatedAt: sql`now()` })
    .where(eq(users.id, input.userId));
  const after = (await getUser(tx, input.userId))!;
  await recordAudit(tx, auditActor(ctx), {
    type: "permission_change",
    action: "user.roles_changed",
    outcome: "success",
    resource: { type: "user", id: input.userId },
    metadata: { before: { roles: before.roles }, after: { roles: after.roles } },
  });
  return after;
}

export async function setUserDisabled(tx: Transaction, ctx: RequestContext, input: SetUserDisabledInput): Promise<UserListItem> {
  const before = await lockUser(tx, input.userId);
  if (input.userId === ctx.user?.id && input.disabled) throw new AppError("conflict", "You cannot disable your own account.");
  if (before.disabled === input.disabled) return before;
  await tx
    .update(users)
    .set({ disabledAt: input.disabled ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(users.id, input.userId));
  // Existing sessions would be refused anyway (the disabled flag is read per request);
  // revoking them also keeps re-enabling from resurrecting old cookies.
  if (input.disabled) await revokeUserSessions(tx, input.userId);
  const after = (await getUser(tx, input.userId))!;
  await recordAudit(tx, auditActor(ctx), {
    type: "permission_change",
    action: input.disabled ? "user.disabled" : "user.enabled",
    outcome: "success",
    resource: { type: "user", id: input.userId },
    metadata: { before: { disabled: before.disabled }, after: { disabled: after.disabled } },
  });
  return after;
}

/** Reads the user with a row lock, so two admins editing at once apply one after the other. */
async function lockUser(tx: Transaction, userId: string): Promise<UserListItem> {
  const locked = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId)))
    .for("update");
  if (locked.length === 0) throw new AppError("not_found", "No such user.");
  return (await getUser(tx, userId))!;
}

function snapshot(user: UserListItem) {
  return { email: user.email, name: user.name, roles: user.roles, disabled: user.disabled };
}
