"use server";

import { db } from "@/db/client";
import { defineAction } from "@/lib/actions/define-action";
import { CreateUserInput, SetUserDisabledInput, UpdateUserRolesInput } from "./schemas";
import { createUser, setUserDisabled, updateUserRoles } from "./service";

export const createUserAction = defineAction(
  "users.create",
  { permission: "users.manage", schema: CreateUserInput, revalidate: ["/settings/users"] },
  async ({ ctx, input }) => {
    const user = await db.transaction((tx) => createUser(tx, ctx, input));
    return { message: `Created ${user.email}.` };
  },
);

export const updateUserRolesAction = defineAction(
  "users.update_roles",
  { permission: "users.manage", schema: UpdateUserRolesInput, revalidate: ["/settings/users"] },
  async ({ ctx, input }) => {
    const user = await db.transaction((tx) => updateUserRoles(tx, ctx, input));
    return { message: `Roles of ${user.email} saved.` };
  },
);

export const setUserDisabledAction = defineAction(
  "users.set_disabled",
  { permission: "users.manage", schema: SetUserDisabledInput, revalidate: ["/settings/users"] },
  async ({ ctx, input }) => {
    const user = await db.transaction((tx) => setUserDisabled(tx, ctx, input));
    return { message: `${user.email} is ${user.disabled ? "disabled" : "enabled"}.` };
  },
);
