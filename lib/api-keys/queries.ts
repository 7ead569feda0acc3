import "server-only";
import { desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  ratePerMinute: number;
  ratePerDay: number;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(): Promise<ApiKeyListItem[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      ratePerMinute: apiKeys.ratePerMinute,
      ratePerDay: apiKeys.ratePerDay,
      createdAt: apiKeys.createdAt,
      createdBy: users.email,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt));
}

/** Keys that can still authenticate (not revoked), for the admin's home page. */
export async function countActiveApiKeys(): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(isNull(apiKeys.revokedAt));
  return row?.count ?? 0;
}
