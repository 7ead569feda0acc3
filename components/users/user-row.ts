import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";

/** A user as the admin list shows it: serializable, no secrets. */
export type UserRow = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: string;
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
