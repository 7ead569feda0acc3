import "server-only";
import { cache } from "react";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/permissions";
import { countWaitingFor } from "./request-queries";

/**
 * "Waiting for you" for the navigation, the section tabs and the home page: one query per
 * request however many of them ask (React's cache keys on the primitive arguments).
 */
const cached = cache(async (userId: string, roles: string) => countWaitingFor({ id: userId, roles: roles.split(",") as Role[] }));

export async function waitingForCount(user: { id: string; roles: readonly Role[] }): Promise<number> {
  if (!can(user.roles, "models.approve")) return 0;
  return cached(user.id, [...user.roles].sort().join(","));
}
