import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { clientIpFrom } from "./client-ip";
import type { RequestContext } from "@/lib/context";
import { auth } from "../next-auth";
import { loadSessionUser } from "./session-store";

/** The signed-in user (fresh from the database) and the request's origin; once per request. */
export const getRequestContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  const session = (await auth()) as { sid?: string } | null;
  const sessionId = session?.sid ?? null;
  const user = sessionId ? await loadSessionUser(sessionId) : null;
  return {
    user,
    sessionId: user ? sessionId : null,
    apiKey: null,
    ip: clientIpFrom(h),
    userAgent: h.get("user-agent"),
  };
});
