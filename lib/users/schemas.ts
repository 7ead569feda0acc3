import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// An unticked checkbox group sends no field at all: prefault([]) makes that an empty list,
// so the list's own rule (e.g. "Choose at least one role.") is what the user reads.
const RoleList = z.array(z.enum(ROLES, { error: "Unknown role." })).max(ROLES.length);

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  name: z.string().trim().min(1, "Enter a name.").max(120, "At most 120 characters."),
  password: z.string().min(12, "At least 12 characters.").max(256, "At most 256 characters."),
  roles: RoleList.min(1, "Choose at least one role.").prefault([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserRolesInput = z.object({
  userId: z.uuid("Unknown user."),
  roles: RoleList.prefault([]),
});
export type UpdateUserRolesInput = z.infer<typeof UpdateUserRolesInput>;

export const SetUserDisabledInput = z.object({
  userId: z.uuid("Unknown user."),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetUserDisabledInput = z.infer<typeof SetUserDisabledInput>;
