import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { loadSessionUser } from "@/lib/auth/service";
import { auditEvents, countUsersByEmail, headSeq, insertUser, sessionRow, signedInContext, uniqueEmail, type TestUser } from "@/test/db";
import "./actions"; // registers users.* in actionRegistry

/** Each verb: refused for the wrong role, one audit event with before/after, bad input changes nothing. */
const action = (name: string) => {
  const a = actionRegistry.get(name);
  if (!a) throw new Error(`action ${name} is not registered`);
  return a;
};

let admin: RequestContext;
let adminUser: TestUser;
let auditor: RequestContext;
beforeAll(async () => {
  adminUser = await insertUser(["admin"]);
  admin = await signedInContext(adminUser);
  auditor = await signedInContext(await insertUser(["auditor"]));
});
afterAll(closeDb);

const newUser = (email = uniqueEmail("created")) => ({
  email,
  name: "Ada Lovelace",
  password: "a-long-enough-password",
  roles: ["ml_engineer", "auditor"],
});

describe("users.create", () => {
  it("is refused for a non-admin and writes no user", async () => {
    const input = newUser();
    expect(await action("users.create").invoke(auditor, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await countUsersByEmail(input.email)).toBe(0);
  });

  it("creates the user with exactly one audit event holding before/after", async () => {
    const input = newUser(uniqueEmail("Mixed.Case").toUpperCase());
    const after = await headSeq();
    expect(await action("users.create").invoke(admin, input)).toMatchObject({ ok: true });
    const email = input.email.toLowerCase();
    expect(await countUsersByEmail(email)).toBe(1);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "permission_change",
      action: "user.created",
      outcome: "success",
      actorUserId: adminUser.id,
      resourceType: "user",
      metadata: { before: null, after: { email, name: "Ada Lovelace", roles: ["auditor", "ml_engineer"], disabled: false } },
    });
    expect(JSON.stringify(events[0]!.metadata)).not.toContain(input.password); // nor its hash: only the snapshot
    expect(JSON.stringify(events[0]!.metadata)).not.toContain("argon2");
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["an unknown role", { roles: ["superuser"] }, "roles.0"],
    ["no role", { roles: [] }, "roles"],
    ["a short password", { password: "short" }, "password"],
  ])("refuses %s with a field error and writes nothing", async (_what, override, field) => {
    const input = { ...newUser(), ...override };
    const after = await headSeq();
    const result = await action("users.create").invoke(admin, input);
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(result?.ok === false && result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(await countUsersByEmail(input.email)).toBe(0);
    expect(await headSeq()).toBe(after);
  });

  it("refuses a duplicate email as a conflict on the email field, writing nothing", async () => {
    const existing = await insertUser(["auditor"]);
    const after = await headSeq();
    const result = await action("users.create").invoke(admin, newUser(existing.email));
    expect(result).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: [expect.any(String)] } });
    expect(await headSeq()).toBe(after);
  });
});

describe("users.update_roles", () => {
  it("is refused for a non-admin and leaves the roles alone", async () => {
    const target = await insertUser(["ops"]);
    const ctx = await signedInContext(target);
    expect(await action("users.update_roles").invoke(auditor, { userId: target.id, roles: ["admin"] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await loadSessionUser(ctx.sessionId!))!.roles).toEqual(["ops"]);
  });

  it("changes roles with one audit event, and a removed role is gone on the next request", async () => {
    const target = await insertUser(["ops", "qa_lead"]);
    const ctx = await signedInContext(target);
    const after = await headSeq();
    expect(await action("users.update_roles").invoke(admin, { userId: target.id, roles: ["ops"] })).toMatchObject({ ok: true });
    expect((await loadSessionUser(ctx.sessionId!))!.roles).toEqual(["ops"]);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.roles_changed",
      resourceId: target.id,
      actorUserId: adminUser.id,
      metadata: { before: { roles: ["ops", "qa_lead"] }, after: { roles: ["ops"] } },
    });
  });

  it("refuses an unknown role or user id with field errors", async () => {
    const target = await insertUser(["ops"]);
    const after = await headSeq();
    expect(await action("users.update_roles").invoke(admin, { userId: target.id, roles: ["root"] })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { "roles.0": [expect.any(String)] },
    });
    expect(await action("users.update_roles").invoke(admin, { userId: "nope", roles: [] })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { userId: [expect.any(String)] },
    });
    expect(await headSeq()).toBe(after);
  });

  it("does not let an admin remove their own admin role", async () => {
    const self = await insertUser(["admin", "auditor"]);
    const ctx = await signedInContext(self);
    const after = await headSeq();
    expect(await action("users.update_roles").invoke(ctx, { userId: self.id, roles: ["auditor"] })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await loadSessionUser(ctx.sessionId!))!.roles).toEqual(["admin", "auditor"]);
    expect(await headSeq()).toBe(after);
  });
});

describe("users.set_disabled", () => {
  it("is refused for a non-admin", async () => {
    const target = await insertUser(["ops"]);
    const ctx = await signedInContext(target);
    expect(await action("users.set_disabled").invoke(auditor, { userId: target.id, disabled: "true" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await loadSessionUser(ctx.sessionId!)).not.toBeNull();
  });

  it("disabling signs the user out at once, with one audit event; re-enabling does not revive old sessions", async () => {
    const target = await insertUser(["ops"]);
    const ctx = await signedInContext(target);
    const after = await headSeq();
    expect(await action("users.set_disabled").invoke(admin, { userId: target.id, disabled: "true" })).toMatchObject({ ok: true });
    expect(await loadSessionUser(ctx.sessionId!)).toBeNull();
    expect((await sessionRow(ctx.sessionId!))!.revokedAt).not.toBeNull();
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.disabled",
      resourceId: target.id,
      metadata: { before: { disabled: false }, after: { disabled: true } },
    });

    expect(await action("users.set_disabled").invoke(admin, { userId: target.id, disabled: "false" })).toMatchObject({ ok: true });
    expect(await loadSessionUser(ctx.sessionId!)).toBeNull();
    expect((await auditEvents({ afterSeq: after })).map((e) => e.action)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("refuses bad input and disabling yourself, writing nothing", async () => {
    const after = await headSeq();
    expect(await action("users.set_disabled").invoke(admin, { userId: adminUser.id, disabled: "maybe" })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { disabled: [expect.any(String)] },
    });
    expect(await action("users.set_disabled").invoke(admin, { userId: adminUser.id, disabled: "true" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await loadSessionUser(admin.sessionId!)).not.toBeNull();
    expect(await headSeq()).toBe(after);
  });
});
