import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { createApiKey } from "@/lib/api-keys/service";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { POST as checkRoute } from "@/app/api/v1/consent/check/route";
import { GET as dpRoute } from "@/app/api/privacy/dp-export/route";
import { routeRegistry } from "@/lib/api/define-route";
import { pseudonymize } from "./pseudonym";
import { action, grant, uniqueSubject } from "./service-test-support";
import "./actions";

let officer: RequestContext;
let auditor: RequestContext;
let token = "";
beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
  const admin = await signedInContext(await insertUser(["admin"]));
  token = (
    await db.transaction((tx) =>
      createApiKey(tx, admin, { name: "consent checker", scopes: ["consent:check"], ratePerMinute: 10_000, ratePerDay: 100_000 }),
    )
  ).token;
});
afterAll(closeDb);

const key = () => `test_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;

describe("privacy.purpose_save", () => {
  it("is refused for an auditor", async () => {
    expect(await action("privacy.purpose_save").invoke(auditor, { key: key(), label: "X" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("adds then edits a purpose and its minimization rule, one audit event each", async () => {
    const k = key();
    let after = await headSeq();
    expect(
      await action("privacy.purpose_save").invoke(officer, { key: k, label: "Research", allowedFields: "age_band, locale" }),
    ).toMatchObject({ ok: true });
    let events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "privacy_purpose.created",
      metadata: { before: null, after: { label: "Research", allowedFields: ["age_band", "locale"] } },
    });
    after = await headSeq();
    await action("privacy.purpose_save").invoke(officer, { key: k, label: "Research", allowedFields: "age_band" });
    events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "privacy_purpose.updated",
      metadata: { before: { allowedFields: ["age_band", "locale"] }, after: { allowedFields: ["age_band"] } },
    });
  });

  it("refuses a malformed key", async () => {
    expect(await action("privacy.purpose_save").invoke(officer, { key: "Bad Key", label: "X" })).toMatchObject({
      ok: false,
      fieldErrors: { key: [expect.any(String)] },
    });
  });
});

describe("privacy.activity_create", () => {
  const activity = (name: string, purpose = "analytics") => ({
    name,
    purpose,
    dataCategories: "usage events",
    legalBasis: "legitimate_interests",
    retentionDays: "90",
    recipients: "",
  });

  it("is refused for an auditor", async () => {
    expect(await action("privacy.activity_create").invoke(auditor, activity(key()))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("registers an activity with one audit event, refusing a duplicate name and an unknown purpose", async () => {
    const name = key();
    const after = await headSeq();
    expect(await action("privacy.activity_create").invoke(officer, activity(name))).toMatchObject({ ok: true });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "processing_activity.created",
      metadata: { before: null, after: { name, purpose: "analytics", retentionDays: 90, recipients: [] } },
    });
    expect(await action("privacy.activity_create").invoke(officer, activity(name))).toMatchObject({ ok: false, code: "conflict" });
    expect(await action("privacy.activity_create").invoke(officer, activity(key(), "nope"))).toMatchObject({
      ok: false,
      fieldErrors: { purpose: [expect.any(String)] },
    });
  });
});

describe("POST /api/v1/consent/check", () => {
  const call = (body: unknown) =>
    checkRoute(
      new Request("http://127.0.0.1/api/v1/consent/check", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      {
        params: Promise.resolve({}),
      },
    );

  it("answers allowed with the minimization fields, and denied with the reason", async () => {
    const subject = uniqueSubject();
    await action("privacy.consent_record").invoke(officer, grant(subject, ["evaluation"]));
    const allowed = await call({ subjectId: subject, purpose: "evaluation" });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ allowed: true, reason: "granted", allowedFields: ["interaction_text", "labels"] });
    const after = await headSeq();
    const denied = await call({ subjectId: subject, purpose: "marketing" });
    const body = await denied.json();
    expect(body).toMatchObject({ allowed: false, reason: "purpose_not_covered" });
    expect(body.allowedFields).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(subject);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "consent.check_denied", metadata: { channel: "api", reason: "purpose_not_covered" } });
    expect(JSON.stringify(events)).not.toContain(pseudonymize(subject));
  });

  it("answers 400 with a problem body for bad input, and for an unknown purpose without auditing it", async () => {
    const res = await call({ purpose: "evaluation" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const after = await headSeq();
    const unknown = await call({ subjectId: uniqueSubject(), purpose: "telepathy" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: "purpose", messages: ["Unknown purpose: telepathy."] }] });
    expect(await auditEvents({ afterSeq: after })).toHaveLength(0);
  });

  it("reads the body before the key, but tells a caller without a valid key only that", async () => {
    const anonymous = (body: string, authorization?: string) =>
      checkRoute(
        new Request("http://127.0.0.1/api/v1/consent/check", {
          method: "POST",
          headers: { ...(authorization ? { authorization } : {}), "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({}) },
      );
    expect((await anonymous("{not json")).status).toBe(401);
    expect((await anonymous(JSON.stringify({ purpose: 1 }), `Bearer ${token.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await anonymous(JSON.stringify({ subjectId: uniqueSubject(), purpose: "evaluation" }))).status).toBe(401);
  });
});

describe("GET /api/privacy/dp-export", () => {
  const route = () => routeRegistry.get("privacy.dp_export");
  it("exports noisy counts at the chosen epsilon, audited; refuses a bad epsilon", async () => {
    expect(dpRoute).toBeTypeOf("function");
    if (route()?.kind !== "session") throw new Error("not registered");
    const r = route() as Extract<ReturnType<typeof route>, { kind: "session" }>;
    const after = await headSeq();
    const res = await r.invoke(officer, new Request("http://127.0.0.1/api/privacy/dp-export?epsilon=0.5"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ mechanism: "laplace", epsilonPerCount: 0.5 });
    expect(body.counts.length).toBeGreaterThanOrEqual(10);
    expect(await auditEvents({ afterSeq: after })).toMatchObject([{ action: "privacy.dp_exported", eventType: "data_export" }]);
    expect((await r.invoke(officer, new Request("http://127.0.0.1/api/privacy/dp-export?epsilon=0"))).status).toBe(400);
    expect((await r.invoke(auditor, new Request("http://127.0.0.1/api/privacy/dp-export?epsilon=1"))).status).toBe(403);
  });
});
