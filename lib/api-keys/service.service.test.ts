import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { authenticateApiKey } from "./authenticate";
import { hashSecret, parseApiKey } from "./key-format";
import { listApiKeys } from "./queries";
import "./actions"; // registers api_keys.* in actionRegistry

/** The api_keys.create and api_keys.revoke verbs, through their registered actions. */
const create = () => actionRegistry.get("api_keys.create")!;
const revoke = () => actionRegistry.get("api_keys.revoke")!;
const origin = { ip: "192.0.2.70", userAgent: "api-keys.service.test" };

let admin: RequestContext;
let security: RequestContext;
beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
  security = await signedInContext(await insertUser(["security_lead", "auditor"]));
});
afterAll(closeDb);

async function createKey(input: Record<string, unknown> = {}) {
  const result = await create().invoke(admin, { name: "ingest worker", scopes: ["audit:write"], ...input });
  if (!result?.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  const token = result.data!.token as string;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.prefix, parseApiKey(token)!.prefix));
  return { token, row: row!, message: result.message };
}

describe("api_keys.create", () => {
  it("is refused for a non-admin (even a security lead) and creates nothing", async () => {
    const before = (await listApiKeys()).length;
    expect(await create().invoke(security, { name: "sneaky", scopes: ["audit:read"] })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listApiKeys()).length).toBe(before);
  });

  it("shows the token once and stores only a hash of its secret", async () => {
    const after = await headSeq();
    const { token, row, message } = await createKey({ scopes: ["audit:write", "audit:read", "audit:write"] });
    expect(token).toMatch(/^assay_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(message).toMatch(/will not be shown again/);
    const { secret } = parseApiKey(token)!;
    expect(row.secretHash).not.toBe(token);
    expect(row.secretHash).not.toContain(secret);
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.scopes).toEqual(["audit:read", "audit:write"]); // de-duplicated, sorted
    // The list the UI shows carries neither the token nor the hash.
    const listed = (await listApiKeys()).find((k) => k.id === row.id)!;
    expect(Object.keys(listed)).not.toContain("secretHash");
    expect(JSON.stringify(listed)).not.toContain(secret);

    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "permission_change",
      action: "api_key.created",
      resourceId: row.id,
      actorUserId: admin.user!.id,
      metadata: {
        before: null,
        after: {
          name: "ingest worker",
          prefix: row.prefix,
          scopes: ["audit:read", "audit:write"],
          ratePerMinute: 600,
          ratePerDay: 100_000,
        },
      },
    });
    expect(JSON.stringify(events[0])).not.toContain(secret);
  });

  it.each([
    ["no scope", { scopes: [] }, "scopes"],
    ["an unknown scope", { scopes: ["root:all"] }, "scopes.0"],
    ["an empty name", { name: "  " }, "name"],
    ["a rate that is not a number", { ratePerMinute: "lots" }, "ratePerMinute"],
  ])("refuses %s with a field error and writes nothing", async (_what, override, field) => {
    const before = (await listApiKeys()).length;
    const after = await headSeq();
    const result = await create().invoke(admin, { name: "bad", scopes: ["audit:read"], ...override });
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(result?.ok === false && result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect((await listApiKeys()).length).toBe(before);
    expect(await headSeq()).toBe(after);
  });
});

describe("api_keys.revoke", () => {
  it("is refused for a non-admin and the key keeps working", async () => {
    const { token, row } = await createKey();
    expect(await revoke().invoke(security, { keyId: row.id })).toMatchObject({ ok: false, code: "forbidden" });
    await expect(authenticateApiKey(`Bearer ${token}`, "audit:write", origin)).resolves.toMatchObject({ id: row.id });
  });

  it("revokes with one audit event, after which the key is refused as unauthenticated", async () => {
    const { token, row } = await createKey();
    const after = await headSeq();
    expect(await revoke().invoke(admin, { keyId: row.id })).toMatchObject({ ok: true });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "api_key.revoked",
      resourceId: row.id,
      metadata: { before: { revoked: false }, after: { revoked: true } },
    });

    await expect(authenticateApiKey(`Bearer ${token}`, "audit:write", origin)).rejects.toMatchObject({ code: "unauthenticated" });
    // …and that refusal is audited as a denial by the revoked key.
    expect(await auditEvents({ actorApiKeyId: row.id, afterSeq: after })).toEqual([
      expect.objectContaining({ eventType: "access_denied", metadata: { reason: "revoked", scope: "audit:write" } }),
    ]);
  });

  it("refuses a second revoke (not found) and a malformed id (validation), writing nothing", async () => {
    const { row } = await createKey();
    await revoke().invoke(admin, { keyId: row.id });
    const after = await headSeq();
    expect(await revoke().invoke(admin, { keyId: row.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await revoke().invoke(admin, { keyId: "42" })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { keyId: [expect.any(String)] },
    });
    expect(await headSeq()).toBe(after);
  });
});
