import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { users } from "@/db/schema";
import { auditEvents, headSeq, insertUser, TEST_PASSWORD, uniqueEmail } from "@/test/db";
import { awayFromTotpStepEdge } from "@/test/time";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { seal } from "../mfa/secret-box";
import { loadSessionUser } from "../session/session-store";
import { authenticate, SignInRefused, TOTP_PURPOSE, type SignInRefusal } from "./sign-in";
import { LIMITS } from "./throttle";
import { newTotpSecret, totpCode } from "../mfa/totp";

/**
 * Sign-in, throttling and TOTP against the real tables. Every test signs in from its own
 * random IP: the per-IP failure counters live in the shared database.
 */
afterAll(closeDb);

// The real argon2 functions, counted: timing alone cannot tell argon2 from a few database
// round trips, so the "same work" claim is checked by what ran.
vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword), verifyAgainstDummy: vi.fn(actual.verifyAgainstDummy) };
});

/** How many argon2 verifications (real or dummy) a call ran. */
async function argon2Runs<T>(p: () => Promise<T>): Promise<number> {
  vi.mocked(verifyPassword).mockClear();
  vi.mocked(verifyAgainstDummy).mockClear();
  await p().catch(() => undefined);
  return vi.mocked(verifyPassword).mock.calls.length + vi.mocked(verifyAgainstDummy).mock.calls.length;
}

const origin = () => ({ ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`, userAgent: "sign-in.service.test" });

async function refused(p: Promise<unknown>): Promise<{ reason: SignInRefusal; retryAfterSeconds: number; ms: number }> {
  const t = performance.now();
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - t;
  expect(err).toBeInstanceOf(SignInRefused);
  const { reason, retryAfterSeconds } = err as SignInRefused;
  return { reason, retryAfterSeconds, ms };
}

/** Login events written since `after`, in order (every attempt writes exactly one). */
async function loginEvents(after: number) {
  return (await auditEvents({ afterSeq: after })).filter((e) => e.eventType === "login");
}

async function withTotp(roles: Parameters<typeof insertUser>[0] = ["auditor"]) {
  const user = await insertUser(roles);
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpSecret: seal(secret, TOTP_PURPOSE), totpEnabledAt: new Date() })
    .where(eq(users.id, user.id));
  return { ...user, secret };
}

describe("authenticate: password", () => {
  it("signs in with the right password, creating a session and one success event", async () => {
    const user = await insertUser(["ops"]);
    const from = origin();
    const after = await headSeq();
    const { userId, sessionId } = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, from);
    expect(userId).toBe(user.id);
    expect(await loadSessionUser(sessionId)).toMatchObject({ id: user.id, roles: ["ops"] });
    const events = await loginEvents(after);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.signed_in", outcome: "success", actorUserId: user.id, resourceId: user.id });
  });

  it("answers an unknown email and a wrong password alike, after the same argon2 work", async () => {
    const user = await insertUser(["ops"]);
    const after = await headSeq();
    const unknown = await refused(authenticate({ email: uniqueEmail("nobody"), password: TEST_PASSWORD }, origin()));
    const wrong = await refused(authenticate({ email: user.email, password: "not the password" }, origin()));
    expect(unknown.reason).toBe("invalid_credentials");
    expect(wrong.reason).toBe("invalid_credentials");
    // Both paths ran argon2 (m=19 MiB takes far more than 5 ms); not a tight timing claim.
    expect(unknown.ms).toBeGreaterThan(5);
    expect(wrong.ms).toBeGreaterThan(5);
    const events = await loginEvents(after);
    expect(events.map((e) => [e.outcome, e.metadata.reason])).toEqual([
      ["failure", "unknown_account"],
      ["failure", "wrong_password"],
    ]);
    expect(events[1]!.resourceId).toBe(user.id);
    // Exactly one argon2 verification on each path: the dummy for the unknown account.
    expect(await argon2Runs(() => authenticate({ email: uniqueEmail("nobody"), password: "x" }, origin()))).toBe(1);
    expect(vi.mocked(verifyAgainstDummy)).toHaveBeenCalledTimes(1);
    expect(await argon2Runs(() => authenticate({ email: user.email, password: "x" }, origin()))).toBe(1);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(1);
  });

  it("refuses a disabled account the same way, even with the right password", async () => {
    const user = await insertUser(["ops"], { disabled: true });
    const after = await headSeq();
    expect((await refused(authenticate({ email: user.email, password: TEST_PASSWORD }, origin()))).reason).toBe("invalid_credentials");
    expect((await loginEvents(after)).map((e) => e.metadata.reason)).toEqual(["account_disabled"]);
    expect(await argon2Runs(() => authenticate({ email: user.email, password: "x" }, origin()))).toBe(1);
  });

  it("refuses malformed input without touching the database", async () => {
    expect((await refused(authenticate({ email: "nope", password: "" }, origin()))).reason).toBe("invalid_credentials");
    expect((await refused(authenticate(null, origin()))).reason).toBe("invalid_credentials");
  });
});

describe("authenticate: throttling", () => {
  it(`locks an account after ${LIMITS.account} failures, even for the right password from another IP`, async () => {
    const user = await insertUser(["ops"]);
    const from = origin();
    for (let i = 0; i < LIMITS.account; i += 1) {
      expect((await refused(authenticate({ email: user.email, password: `wrong ${i}` }, from))).reason).toBe("invalid_credentials");
    }
    const after = await headSeq();
    const locked = await refused(authenticate({ email: user.email, password: TEST_PASSWORD }, from));
    expect(locked.reason).toBe("throttled");
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await refused(authenticate({ email: user.email, password: TEST_PASSWORD }, origin()))).reason).toBe("throttled");
    expect((await loginEvents(after)).map((e) => e.metadata.reason)).toEqual(["throttled", "throttled"]);
  });

  it(`locks an IP after ${LIMITS.ip} failures, whichever accounts it tries`, async () => {
    const from = origin();
    for (let i = 0; i < LIMITS.ip; i += 1) await refused(authenticate({ email: uniqueEmail(`spray${i}`), password: "guess" }, from));
    const victim = await insertUser(["ops"]);
    expect((await refused(authenticate({ email: victim.email, password: TEST_PASSWORD }, from))).reason).toBe("throttled");
    // The account itself is not locked: from elsewhere it still signs in.
    await expect(authenticate({ email: victim.email, password: TEST_PASSWORD }, origin())).resolves.toMatchObject({ userId: victim.id });
  });
});

describe("authenticate: TOTP", () => {
  it("asks an enrolled user for a code, accepts the right one once, and audits each attempt", async () => {
    await awayFromTotpStepEdge();
    const user = await withTotp();
    const from = origin();
    const after = await headSeq();
    expect((await refused(authenticate({ email: user.email, password: TEST_PASSWORD }, from))).reason).toBe("mfa_required");
    const code = totpCode(user.secret, Date.now());
    const { sessionId } = await authenticate({ email: user.email, password: TEST_PASSWORD, code }, from);
    expect(await loadSessionUser(sessionId)).toMatchObject({ id: user.id, totpEnabled: true });
    expect((await refused(authenticate({ email: user.email, password: TEST_PASSWORD, code }, from))).reason).toBe("invalid_code");

    const events = await loginEvents(after);
    expect(events.map((e) => [e.action, e.outcome, e.metadata.reason ?? e.metadata.mfa])).toEqual([
      ["user.mfa_challenged", "success", "mfa_required"],
      ["user.signed_in", "success", true],
      ["user.sign_in_failed", "failure", "invalid_totp_code"],
    ]);
  });

  it("accepts a code from one step either side, and refuses two steps away", async () => {
    await awayFromTotpStepEdge();
    const a = await withTotp();
    const now = Date.now();
    await expect(
      authenticate({ email: a.email, password: TEST_PASSWORD, code: totpCode(a.secret, now - 30_000) }, origin()),
    ).resolves.toBeTruthy();
    await expect(
      authenticate({ email: a.email, password: TEST_PASSWORD, code: totpCode(a.secret, now + 30_000) }, origin()),
    ).resolves.toBeTruthy();
    const b = await withTotp();
    expect(
      (await refused(authenticate({ email: b.email, password: TEST_PASSWORD, code: totpCode(b.secret, now - 60_000) }, origin()))).reason,
    ).toBe("invalid_code");
    expect(
      (await refused(authenticate({ email: b.email, password: TEST_PASSWORD, code: totpCode(b.secret, now + 60_000) }, origin()))).reason,
    ).toBe("invalid_code");
  });

  it("does not ask for a code before the password is right (no account or MFA oracle)", async () => {
    const user = await withTotp();
    expect((await refused(authenticate({ email: user.email, password: "wrong" }, origin()))).reason).toBe("invalid_credentials");
  });
});
