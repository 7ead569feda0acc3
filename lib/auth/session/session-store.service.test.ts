import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { authSessions, userRoles, users } from "@/db/schema";
import { insertUser, signedInContext } from "@/test/db";
import { loadSessionUser, revokeSession } from "./session-store";

/**
 * CONVENTIONS.md: roles and the disabled flag are read from the database on each request.
 * These change the rows directly (not through the user verbs, which also revoke sessions),
 * so each check proves loadSessionUser itself reads fresh state.
 */
afterAll(closeDb);

describe("loadSessionUser", () => {
  it("returns the user with sorted roles for a live session, and null for an unknown one", async () => {
    const user = await insertUser(["qa_lead", "auditor"]);
    const { sessionId } = await signedInContext(user);
    expect(await loadSessionUser(sessionId!)).toEqual({
      id: user.id,
      email: user.email,
      name: `Test ${user.email}`,
      roles: ["auditor", "qa_lead"],
      totpEnabled: false,
    });
    expect(await loadSessionUser("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("sees a disabled flag at once, even while the session row is still live", async () => {
    const user = await insertUser(["ops"]);
    const { sessionId } = await signedInContext(user);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await loadSessionUser(sessionId!)).toBeNull();
  });

  it("sees a role removed or granted on the very next call", async () => {
    const user = await insertUser(["ops", "admin"]);
    const { sessionId } = await signedInContext(user);
    await db.delete(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.role, "admin")));
    expect((await loadSessionUser(sessionId!))!.roles).toEqual(["ops"]);
    await db.insert(userRoles).values({ userId: user.id, role: "auditor" });
    expect((await loadSessionUser(sessionId!))!.roles).toEqual(["auditor", "ops"]);
  });

  it("ignores unknown role names left in the table", async () => {
    const user = await insertUser(["ops"]);
    const { sessionId } = await signedInContext(user);
    await db.insert(userRoles).values({ userId: user.id, role: "retired_role" });
    expect((await loadSessionUser(sessionId!))!.roles).toEqual(["ops"]);
  });

  it("refuses a revoked or expired session", async () => {
    const user = await insertUser(["ops"]);
    const revoked = (await signedInContext(user)).sessionId!;
    await db.transaction((tx) => revokeSession(tx, revoked));
    expect(await loadSessionUser(revoked)).toBeNull();
    const expired = (await signedInContext(user)).sessionId!;
    await db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.id, expired));
    expect(await loadSessionUser(expired)).toBeNull();
  });
});
