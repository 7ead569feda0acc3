import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext, type TestUser } from "@/test/db";
import { checkConsent } from "./consent-check";
import { importConsents } from "./import-service";
import { pseudonymize } from "./pseudonym";
import { action, grant, recordsOf, uniqueSubject } from "./service-test-support";
import "./actions";

let officerUser: TestUser;
let officer: RequestContext;
let auditor: RequestContext;
let engineer: RequestContext;
beforeAll(async () => {
  officerUser = await insertUser(["compliance_officer"]);
  officer = await signedInContext(officerUser);
  auditor = await signedInContext(await insertUser(["auditor"]));
  engineer = await signedInContext(await insertUser(["ml_engineer"]));
});
afterAll(closeDb);

const DAY = 86_400_000;
const check = (subjectId: string, purpose: string, now?: Date) => checkConsent(officer, { subjectId, purpose }, now);

describe("privacy.consent_record", () => {
  it("is refused for an auditor and writes nothing", async () => {
    const subject = uniqueSubject();
    expect(await action("privacy.consent_record").invoke(auditor, grant(subject, ["analytics"]))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await recordsOf(subject)).toHaveLength(0);
  });

  it("records with exactly one audit event holding before/after and no identifier", async () => {
    const subject = uniqueSubject();
    const after = await headSeq();
    expect(await action("privacy.consent_record").invoke(officer, grant(subject, ["model_training", "evaluation"]))).toMatchObject({
      ok: true,
    });
    const [row] = await recordsOf(subject);
    expect(row).toMatchObject({ status: "granted", purposes: ["evaluation", "model_training"], source: "ui", recordedBy: officerUser.id });
    expect(row!.expiresAt.getTime() - row!.recordedAt.getTime()).toBe(365 * DAY);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "consent.recorded",
      resourceId: row!.id,
      metadata: { before: null, after: { status: "granted", purposes: ["evaluation", "model_training"] } },
    });
    const text = JSON.stringify(events[0]);
    expect(text).not.toContain(subject);
    expect(text).not.toContain(pseudonymize(subject));
  });

  it.each([
    ["no purpose", { purposes: [] }, "purposes"],
    ["an unknown purpose", { purposes: ["mind_reading"] }, "purposes"],
    ["no subject", { subjectId: "  " }, "subjectId"],
    ["a bad expiry", { expiresInDays: "0" }, "expiresInDays"],
  ])("refuses %s with a field error and writes nothing", async (_what, override, field) => {
    const subject = uniqueSubject();
    const after = await headSeq();
    const result = await action("privacy.consent_record").invoke(officer, { ...grant(subject, ["analytics"]), ...override });
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(result?.ok === false && result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(await recordsOf(subject)).toHaveLength(0);
    expect(await headSeq()).toBe(after);
  });
});

describe("privacy.consent_withdraw", () => {
  it("is refused for an auditor", async () => {
    expect(await action("privacy.consent_withdraw").invoke(auditor, { subjectId: uniqueSubject() })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("makes the check false, keeps the earlier record unchanged, with one audit event", async () => {
    const subject = uniqueSubject();
    await action("privacy.consent_record").invoke(officer, grant(subject, ["model_training", "analytics"]));
    const [original] = await recordsOf(subject);
    expect(await check(subject, "model_training")).toMatchObject({
      allowed: true,
      allowedFields: ["interaction_text", "labels", "locale"],
    });
    const after = await headSeq();
    expect(await action("privacy.consent_withdraw").invoke(officer, { subjectId: subject, purposes: ["model_training"] })).toMatchObject({
      ok: true,
    });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "consent.withdrawn",
      metadata: {
        before: { grantedPurposes: ["analytics", "model_training"] },
        after: { grantedPurposes: ["analytics"], withdrawn: ["model_training"] },
      },
    });
    expect(await check(subject, "model_training")).toMatchObject({ allowed: false, reason: "withdrawn" });
    expect(await check(subject, "analytics")).toMatchObject({ allowed: true });
    const history = await recordsOf(subject);
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual(original);
  });

  it("refuses a withdrawal when nothing is granted", async () => {
    expect(await action("privacy.consent_withdraw").invoke(officer, { subjectId: uniqueSubject() })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});

describe("consent check", () => {
  it("says why: no record, purpose not covered, refused", async () => {
    const subject = uniqueSubject();
    expect(await check(subject, "analytics")).toMatchObject({ allowed: false, reason: "no_record" });
    await action("privacy.consent_record").invoke(officer, grant(subject, ["analytics"]));
    await action("privacy.consent_record").invoke(officer, grant(subject, ["marketing"], { status: "refused" }));
    expect(await check(subject, "evaluation")).toMatchObject({ allowed: false, reason: "purpose_not_covered" });
    expect(await check(subject, "marketing")).toMatchObject({ allowed: false, reason: "refused" });
    expect((await check(subject, "marketing")).allowedFields).toBeUndefined();
  });

  it("expires, and a renewal after expiry allows again", async () => {
    const subject = uniqueSubject();
    const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const csv = `subject_id,consent_type,status,purposes,policy_version,recorded_at,expires_at\n${subject},explicit,granted,evaluation,2025-01,${past(400)},${past(35)}\n`;
    await db.transaction((tx) => importConsents(tx, officer, csv));
    expect(await check(subject, "evaluation")).toMatchObject({ allowed: false, reason: "expired" });
    expect(await check(subject, "evaluation", new Date(Date.now() - 40 * DAY))).toMatchObject({ allowed: true });
    await action("privacy.consent_record").invoke(officer, grant(subject, ["evaluation"]));
    expect(await check(subject, "evaluation")).toMatchObject({ allowed: true, reason: "granted" });
    expect(await recordsOf(subject)).toHaveLength(2);
  });

  it("audits a denial with purpose and reason only", async () => {
    const subject = uniqueSubject();
    const after = await headSeq();
    expect(await action("privacy.consent_check").invoke(officer, { subjectId: subject, purpose: "marketing" })).toMatchObject({
      ok: true,
      data: { allowed: false, reason: "no_record" },
    });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "data_access",
      action: "consent.check_denied",
      outcome: "denied",
      metadata: { purpose: "marketing", reason: "no_record", channel: "ui" },
    });
    expect(JSON.stringify(events[0])).not.toContain(subject);
    expect(JSON.stringify(events[0])).not.toContain(pseudonymize(subject));
  });

  it("is refused for a role without consent.check, and an unknown purpose is a field error", async () => {
    expect(await action("privacy.consent_check").invoke(engineer, { subjectId: uniqueSubject(), purpose: "analytics" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await action("privacy.consent_check").invoke(officer, { subjectId: uniqueSubject(), purpose: "nope" })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { purpose: [expect.any(String)] },
    });
  });
});

describe("the database keeps consent history append-only", () => {
  it("refuses UPDATE and DELETE, and admits DELETE only inside an erasure", async () => {
    const subject = uniqueSubject();
    await action("privacy.consent_record").invoke(officer, grant(subject, ["analytics"]));
    const p = pseudonymize(subject);
    await expect(db.execute(sql`UPDATE consent_records SET status = 'refused' WHERE subject_pseudonym = ${p}`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    await expect(db.execute(sql`DELETE FROM consent_records WHERE subject_pseudonym = ${p}`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only/) },
    });
    // Negative control: the same DELETE with the erasure flag goes through.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('assay.erasure', 'on', true)`);
      await tx.execute(sql`DELETE FROM consent_records WHERE subject_pseudonym = ${p}`);
    });
    expect(await recordsOf(subject)).toHaveLength(0);
  });
});
