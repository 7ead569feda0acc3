import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { actionRegistry } from "@/lib/actions/define-action";
import { unseal, TOTP_PURPOSE, totpCode } from "@/lib/auth/service";
import { anonymousContext, auditEvents, headSeq, insertUser, signedInContext, userRow } from "@/test/db";
import { awayFromTotpStepEdge } from "@/test/time";
import "./actions"; // registers account.* in actionRegistry

/** TOTP enrolment: start (pending secret) → confirm (a code proves the app has it) → disable. */
const start = () => actionRegistry.get("account.start_totp")!;
const confirm = () => actionRegistry.get("account.confirm_totp")!;
const disable = () => actionRegistry.get("account.disable_totp")!;
afterAll(closeDb);

async function enrolling() {
  const user = await insertUser(["ml_engineer"]);
  const ctx = await signedInContext(user);
  const result = await start().invoke(ctx, {});
  if (!result?.ok) throw new Error(`start failed: ${JSON.stringify(result)}`);
  return { user, ctx, secret: result.data!.secret as string, data: result.data! };
}

describe("account.start_totp", () => {
  it("is refused signed out, and for an account with no role at all", async () => {
    expect(await start().invoke(anonymousContext(), {})).toMatchObject({ ok: false, code: "unauthenticated" });
    const nobody = await insertUser([], { label: "noroles" });
    expect(await start().invoke(await signedInContext(nobody), {})).toMatchObject({ ok: false, code: "forbidden" });
    expect((await userRow(nobody.id))!.totpSecret).toBeNull();
  });

  it("stores the pending secret sealed, shows it once, and audits exactly one event", async () => {
    const after = await headSeq();
    const { user, secret, data } = await enrolling();
    expect(data.uri).toMatch(/^otpauth:\/\/totp\/Assay:.*secret=/);
    expect(data.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = (await userRow(user.id))!;
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    expect(unseal(row.totpSecret!, TOTP_PURPOSE)).toBe(secret);
    expect(row.totpEnabledAt).toBeNull(); // pending: not protecting the account yet
    const events = await auditEvents({ afterSeq: after, resourceId: user.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: "config_change", action: "user.mfa_enrolment_started", actorUserId: user.id });
    expect(JSON.stringify(events[0])).not.toContain(secret);
  });
});

describe("account.confirm_totp and account.disable_totp", () => {
  it("refuse malformed and wrong codes with a field error, changing nothing", async () => {
    const { user, ctx, secret } = await enrolling();
    const after = await headSeq();
    expect(await confirm().invoke(ctx, { code: "12ab56" })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { code: [expect.any(String)] },
    });
    const wrong = totpCode(secret, Date.now() - 10 * 60_000); // a real code, from ten minutes ago
    expect(await confirm().invoke(ctx, { code: wrong })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { code: [expect.any(String)] },
    });
    expect((await userRow(user.id))!.totpEnabledAt).toBeNull();
    expect(await headSeq()).toBe(after);
  });

  it("confirm turns MFA on with one before/after event; the same code cannot then turn it off", async () => {
    await awayFromTotpStepEdge();
    const { user, ctx, secret } = await enrolling();
    const code = totpCode(secret, Date.now());
    const after = await headSeq();
    expect(await confirm().invoke(ctx, { code })).toMatchObject({ ok: true });
    const row = (await userRow(user.id))!;
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpLastStep).toBe(Math.floor(Date.now() / 30_000));
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.mfa_enabled",
      resourceId: user.id,
      metadata: { before: { mfa: false }, after: { mfa: true } },
    });

    // Enrolling again while on is a conflict; replaying the confirming code cannot disable.
    expect(await start().invoke(ctx, {})).toMatchObject({ ok: false, code: "conflict" });
    expect(await disable().invoke(ctx, { code })).toMatchObject({ ok: false, code: "validation" });
    expect((await userRow(user.id))!.totpEnabledAt).not.toBeNull();

    const afterDisable = await headSeq();
    expect(await disable().invoke(ctx, { code: totpCode(secret, Date.now() + 30_000) })).toMatchObject({ ok: true });
    const off = (await userRow(user.id))!;
    expect(off.totpEnabledAt).toBeNull();
    expect(off.totpSecret).toBeNull();
    const disabled = await auditEvents({ afterSeq: afterDisable });
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatchObject({ action: "user.mfa_disabled", metadata: { before: { mfa: true }, after: { mfa: false } } });
  });

  it("disable is a conflict when MFA is not on", async () => {
    const user = await insertUser(["ops"]);
    expect(await disable().invoke(await signedInContext(user), { code: "123456" })).toMatchObject({ ok: false, code: "conflict" });
  });
});
