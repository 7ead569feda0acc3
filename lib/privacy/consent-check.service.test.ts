import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { consentRecords } from "@/db/schema";
import { POST as checkRoute } from "@/app/api/v1/consent/check/route";
import { canonicalEventTemplate, canonicalJson } from "@/lib/audit/canonical";
import { createApiKey } from "@/lib/api-keys/service";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext, type TestUser } from "@/test/db";
import { checkConsent, type ConsentCheckResult } from "./consent-check";
import { decideConsent, type ConsentStatus } from "./consent-state";
import { subjectHistory } from "./history";
import { pseudonymize } from "./pseudonym";
import { action, grant, uniqueSubject } from "./service-test-support";
import "./actions";

/** consent_check() (migration 0021): the check's decision and a denial's event, in one statement. */
const PURPOSES = ["model_training", "evaluation", "analytics", "product_improvement", "marketing"];
const DAY = 86_400_000;
const T0 = Date.parse("2026-06-01T00:00:00.000Z");

let officerUser: TestUser;
let officer: RequestContext;
let token = "";
let keyId = "";
beforeAll(async () => {
  officerUser = await insertUser(["compliance_officer"]);
  officer = await signedInContext(officerUser);
  const admin = await signedInContext(await insertUser(["admin"]));
  const key = await db.transaction((tx) =>
    createApiKey(tx, admin, { name: "consent check test", scopes: ["consent:check"], ratePerMinute: 10_000, ratePerDay: 100_000 }),
  );
  token = key.token;
  keyId = key.id;
});
afterAll(closeDb);

class RollBack extends Error {}

describe("consent_check() decides as decideConsent() does", () => {
  // Whole days from one origin, so that records tie in time and expiries fall exactly on
  // the moment checked: the two boundaries where two implementations would drift apart.
  const record = fc.record({
    status: fc.constantFrom<ConsentStatus>("granted", "refused", "withdrawn"),
    purposes: fc.subarray(PURPOSES, { minLength: 1 }),
    day: fc.integer({ min: 0, max: 12 }),
    lifetime: fc.integer({ min: 0, max: 8 }),
  });
  const denialEvent = canonicalEventTemplate(
    { userId: null, apiKeyId: null, ip: null, userAgent: null, sessionId: null },
    { type: "data_access", action: "consent.check_denied", outcome: "denied", metadata: { reason: "__reason__" } },
  );

  it("on random histories, for every purpose: the same reason, deciding record and expiry", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 6 }), fc.integer({ min: 0, max: 22 }), async (records, nowDay) => {
        const pseudonym = pseudonymize(uniqueSubject("differential"));
        const now = new Date(T0 + nowDay * DAY);
        // Rolled back: nothing of the run (records, staged denials) is left behind.
        await db
          .transaction(async (tx) => {
            if (records.length > 0) {
              await tx.insert(consentRecords).values(
                records.map((r) => ({
                  subjectPseudonym: pseudonym,
                  consentType: "explicit",
                  status: r.status,
                  purposes: r.purposes,
                  policyVersion: "v1",
                  source: "ui" as const,
                  recordedAt: new Date(T0 + r.day * DAY),
                  expiresAt: new Date(T0 + (r.day + r.lifetime) * DAY),
                })),
              );
            }
            const history = await subjectHistory(tx, pseudonym);
            for (const purpose of PURPOSES) {
              const [row] = await tx.execute<{ result: ConsentCheckResult }>(
                sql`SELECT consent_check(${pseudonym}, ${purpose}, ${now.toISOString()}::timestamptz, ${denialEvent(now)}, NULL) AS result`,
              );
              const expected = decideConsent(history, purpose, now);
              const got = row!.result;
              expect({
                reason: got.reason,
                recordId: got.recordId,
                expiresAt: got.expiresAt ? new Date(got.expiresAt).getTime() : null,
              }).toEqual({
                reason: expected.reason,
                recordId: expected.recordId,
                expiresAt: expected.allowed ? expected.expiresAt.getTime() : null,
              });
            }
            throw new RollBack();
          })
          .catch((err: unknown) => {
            if (!(err instanceof RollBack)) throw err;
          });
      }),
      { numRuns: 150 },
    );
  });
});

describe("a denial's audit event", () => {
  it("is staged by the check's own statement, canonical, and names neither the subject nor its pseudonym", async () => {
    const subject = uniqueSubject();
    await action("privacy.consent_record").invoke(officer, grant(subject, ["analytics"]));
    let after = await headSeq();
    expect(await checkConsent(officer, { subjectId: subject, purpose: "analytics" })).toMatchObject({ allowed: true });
    expect(await auditEvents({ afterSeq: after })).toHaveLength(0);

    after = await headSeq();
    expect(await checkConsent(officer, { subjectId: subject, purpose: "marketing" })).toMatchObject({
      allowed: false,
      reason: "purpose_not_covered",
    });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "data_access",
      action: "consent.check_denied",
      outcome: "denied",
      actorUserId: officerUser.id,
      resourceType: "privacy_purpose",
      resourceId: "marketing",
      metadata: { purpose: "marketing", reason: "purpose_not_covered", channel: "ui" },
    });
    const [row] = await db.execute<{ canonical: string }>(sql`SELECT canonical FROM audit_events WHERE seq = ${events[0]!.seq}`);
    expect(canonicalJson(JSON.parse(row!.canonical))).toBe(row!.canonical);
    expect(row!.canonical).not.toContain(subject);
    expect(row!.canonical).not.toContain(pseudonymize(subject));
  });

  it("through the API names the key, and a caller's text cannot fill the slots the database fills", async () => {
    // A user agent spelling out both slots, bare and escaped: JSON escapes its quotes, so
    // neither can be mistaken for the event's own reason or key.
    const userAgent = 'probe "reason":"__reason__" "apiKeyId":"__api_key__" \\"reason\\":\\"__reason__\\"';
    const after = await headSeq();
    const res = await checkRoute(
      new Request("http://127.0.0.1/api/v1/consent/check", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": userAgent },
        body: JSON.stringify({ subjectId: uniqueSubject(), purpose: "evaluation" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(await res.json()).toMatchObject({ allowed: false, reason: "no_record" });
    const events = await auditEvents({ afterSeq: after, actorApiKeyId: keyId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorApiKeyId: keyId, metadata: { reason: "no_record", channel: "api" } });
    const [row] = await db.execute<{ canonical: string }>(sql`SELECT canonical FROM audit_events WHERE seq = ${events[0]!.seq}`);
    expect(JSON.parse(row!.canonical).actor).toEqual({ userId: null, apiKeyId: keyId, ip: null, userAgent, sessionId: null });
    expect(canonicalJson(JSON.parse(row!.canonical))).toBe(row!.canonical);
  });
});
