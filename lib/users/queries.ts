import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { isRole, type Role } from "@/lib/auth/permissions";

export type UserListItem = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: Date;
};

const rolesColumn = sql<
  string[]
>`coalesce(array_agg(${userRoles.role} order by ${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`;

/** Users with their roles; explicit columns so no password hash or TOTP secret leaves lib/. */
export async function listUsers(executor: Executor = db): Promise<UserListItem[]> {
  const rows = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      roles: rolesColumn,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.email));
  return rows.map(toItem);
}

export async function getUser(executor: Executor, userId: string): Promise<UserListItem | null> {
  const rows = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      createdAt: users.createdAt,
      roles: rolesColumn,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId))
    .groupBy(users.id);
  return rows[0] ? toItem(rows[0]) : null;
}

function toItem(row: {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  createdAt: Date;
  roles: string[];
}): UserListItem {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles.filter(isRole),
    disabled: row.disabledAt !== null,
    totpEnabled: row.totpEnabledAt !== null,
    createdAt: row.createdAt,
  };
}

export type UserStats = { total: number; active: number; disabled: number; activeWithoutMfa: number };

/** Counts for the admin's home page: what needs attention among accounts. */
export async function getUserStats(executor: Executor = db): Promise<UserStats> {
  const [row] = await executor
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${users.disabledAt} is null))::int`,
      disabled: sql<number>`(count(*) filter (where ${users.disabledAt} is not null))::int`,
      activeWithoutMfa: sql<number>`(count(*) filter (where ${users.disabledAt} is null and ${users.totpEnabledAt} is null))::int`,
    })
    .from(users);
  return row ?? { total: 0, active: 0, disabled: 0, activeWithoutMfa: 0 };
}
