import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { createApiKey } from "@/lib/api-keys/service";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { POST as recordRoute } from "@/app/api/v1/consent/records/route";
import { checkConsent } from "./consent-check";
import { pseudonymize } from "./pseudonym";
import { recordsOf, uniqueSubject } from "./service-test-support";

/** POST /api/v1/consent/records: services record consent decisions they collected. */
let writer = "";
let checker = "";
let keyId = "";
beforeAll(async () => {
  const admin = await signedInContext(await insertUser(["admin"]));
  const make = (scopes: ("consent:write" | "consent:check")[]) =>
    db.transaction((tx) =>
      createApiKey(tx, admin, { name: `consent api ${scopes.join(",")}`, scopes, ratePerMinute: 10_000, ratePerDay: 100_000 }),
    );
  const w = await make(["consent:write"]);
  writer = w.token;
  keyId = w.id;
  checker = (await make(["consent:check"])).token;
});
afterAll(closeDb);

const post = (token: string, body: unknown) =>
  recordRoute(
    new Request("http://127.0.0.1/api/v1/consent/records", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({}),
    },
  );

describe("POST /api/v1/consent/records", () => {
  it("is refused to a key without consent:write, writing nothing", async () => {
    const subject = uniqueSubject();
    expect(
      (
        await post(checker, {
          subjectId: subject,
          status: "granted",
          consentType: "explicit",
          purposes: ["analytics"],
          policyVersion: "v1",
        })
      ).status,
    ).toBe(403);
    expect(await recordsOf(subject)).toHaveLength(0);
  });

  it("records a grant with one audit event by the key, then a withdrawal", async () => {
    const subject = uniqueSubject();
    const after = await headSeq();
    const res = await post(writer, {
      subjectId: subject,
      status: "granted",
      consentType: "opt_in",
      purposes: ["analytics", "evaluation"],
      policyVersion: "v3",
      expiresInDays: 90,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toContain(subject);
    const events = await auditEvents({ afterSeq: after, actorApiKeyId: keyId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "consent.recorded",
      resourceId: body.id,
      metadata: { before: null, after: { source: "api", purposes: ["analytics", "evaluation"] } },
    });
    expect(JSON.stringify(events)).not.toContain(pseudonymize(subject));
    const [row] = await recordsOf(subject);
    expect(row).toMatchObject({ source: "api", recordedByApiKey: keyId });
    expect(row!.expiresAt.getTime() - row!.recordedAt.getTime()).toBe(90 * 86_400_000);

    expect((await post(writer, { subjectId: subject, status: "withdrawn", purposes: ["analytics"] })).status).toBe(201);
    expect(
      await checkConsent(
        { user: null, sessionId: null, apiKey: null, ip: null, userAgent: null },
        { subjectId: subject, purpose: "analytics" },
      ),
    ).toMatchObject({ allowed: false, reason: "withdrawn" });
  });

  it("answers 400 with a problem body naming the field, writing nothing", async () => {
    const subject = uniqueSubject();
    const res = await post(writer, {
      subjectId: subject,
      status: "granted",
      consentType: "explicit",
      purposes: ["telepathy"],
      policyVersion: "v1",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await res.text()).not.toContain(subject);
    expect((await post(writer, { subjectId: subject, status: "maybe" })).status).toBe(400);
    expect(await recordsOf(subject)).toHaveLength(0);
  });
});
