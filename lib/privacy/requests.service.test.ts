import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { closeDb, db } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext, type TestUser } from "@/test/db";
import { pseudonymize } from "./pseudonym";
import { getAccessReport } from "./report";
import { action, grant, recordsOf, uniqueSubject } from "./service-test-support";
import "./actions";

let officerUser: TestUser;
let officer: RequestContext;
let auditor: RequestContext;
beforeAll(async () => {
  officerUser = await insertUser(["compliance_officer"]);
  officer = await signedInContext(officerUser);
  auditor = await signedInContext(await insertUser(["auditor"]));
  await action("privacy.activity_create").invoke(officer, {
    name: `Training pipeline ${Date.now()}`,
    purpose: "model_training",
    dataCategories: "interaction text, labels",
    legalBasis: "consent",
    retentionDays: "730",
    recipients: "GPU Cloud Inc.",
  });
});
afterAll(closeDb);

async function newRequest(subjectId: string, type: string) {
  const result = await action("privacy.request_create").invoke(officer, { subjectId, type, assigneeId: officerUser.id });
  if (!result?.ok) throw new Error(JSON.stringify(result));
  return String(result.data!.id);
}

describe("privacy.request_create", () => {
  it("is refused for an auditor", async () => {
    expect(await action("privacy.request_create").invoke(auditor, { subjectId: uniqueSubject(), type: "access" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("logs the request due in 30 days with one audit event and no identifier", async () => {
    const subject = uniqueSubject();
    const after = await headSeq();
    const id = await newRequest(subject, "access");
    const [row] = await db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id));
    expect(row).toMatchObject({ type: "access", status: "open", subjectPseudonym: pseudonymize(subject), assigneeId: officerUser.id });
    expect(row!.dueAt.getTime() - row!.receivedAt.getTime()).toBe(30 * 86_400_000);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "data_subject_request.created",
      resourceId: id,
      metadata: { before: null, after: { type: "access", status: "open" } },
    });
    expect(JSON.stringify(events)).not.toContain(pseudonymize(subject));
  });

  it("refuses an unknown type with a field error", async () => {
    expect(await action("privacy.request_create").invoke(officer, { subjectId: uniqueSubject(), type: "curiosity" })).toMatchObject({
      ok: false,
      fieldErrors: { type: [expect.any(String)] },
    });
  });
});

describe("access report", () => {
  it("contains exactly the subject's data", async () => {
    const subject = uniqueSubject("reported");
    const other = uniqueSubject("other");
    await action("privacy.consent_record").invoke(officer, grant(subject, ["model_training"]));
    await action("privacy.consent_record").invoke(officer, grant(subject, ["marketing"], { status: "refused" }));
    await action("privacy.consent_record").invoke(officer, grant(other, ["analytics"]));
    const id = await newRequest(subject, "access");
    const report = await getAccessReport(id);
    const own = (await recordsOf(subject)).map((r) => r.id).sort();
    expect(report.consentHistory.map((r) => r.id).sort()).toEqual(own);
    expect(report.currentConsent.find((c) => c.purpose === "model_training")).toMatchObject({ allowed: true });
    expect(report.processingActivities.every((a) => a.purpose === "model_training")).toBe(true);
    expect(report.thirdParties).toContain("GPU Cloud Inc.");
    expect(report.requests.map((r) => r.id)).toEqual([id]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(subject);
    expect(text).not.toContain(pseudonymize(subject));
  });
});

describe("privacy.request_fulfil", () => {
  it("is refused for an auditor", async () => {
    const id = await newRequest(uniqueSubject(), "access");
    expect(await action("privacy.request_fulfil").invoke(auditor, { requestId: id })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("completes an access request with one audit event holding before/after", async () => {
    const id = await newRequest(uniqueSubject(), "access");
    const after = await headSeq();
    expect(await action("privacy.request_fulfil").invoke(officer, { requestId: id, resolution: "Report sent." })).toMatchObject({
      ok: true,
    });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "data_subject_request.fulfilled",
      metadata: { before: { status: "open" }, after: { status: "completed" } },
    });
    expect(await action("privacy.request_fulfil").invoke(officer, { requestId: id })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("a consent-withdrawal request withdraws every granted purpose", async () => {
    const subject = uniqueSubject();
    await action("privacy.consent_record").invoke(officer, grant(subject, ["analytics", "evaluation"]));
    const id = await newRequest(subject, "consent_withdrawal");
    expect(await action("privacy.request_fulfil").invoke(officer, { requestId: id })).toMatchObject({ ok: true });
    expect((await recordsOf(subject)).map((r) => r.status)).toEqual(["granted", "withdrawn"]);
  });

  it("a deletion leaves no record linkable to the identifier", async () => {
    const subject = uniqueSubject("erase-me");
    const p = pseudonymize(subject);
    await action("privacy.consent_record").invoke(officer, grant(subject, ["analytics"]));
    await newRequest(subject, "access");
    const id = await newRequest(subject, "deletion");
    const after = await headSeq();
    expect(await action("privacy.request_fulfil").invoke(officer, { requestId: id })).toMatchObject({ ok: true });
    expect(await recordsOf(subject)).toHaveLength(0);
    const linked = await db.execute(sql`SELECT id FROM data_subject_requests WHERE subject_pseudonym = ${p}`);
    expect(linked).toHaveLength(0);
    const [row] = await db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id));
    expect(row).toMatchObject({ status: "completed", subjectPseudonym: null });
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "data_deletion",
      metadata: { after: { erased: true, consentRecordsDeleted: 1, requestsUnlinked: 2 } },
    });
    // Nothing anywhere in the database holds the pseudonym (or the identifier) any more.
    const [hits] = await db.execute<{ n: string }>(sql`
      SELECT (SELECT count(*) FROM audit_events WHERE canonical LIKE ${"%" + p + "%"} OR canonical LIKE ${"%" + subject + "%"})
           + (SELECT count(*) FROM consent_records WHERE subject_pseudonym = ${p}) AS n`);
    expect(Number(hits!.n)).toBe(0);
    await expect(getAccessReport(id)).rejects.toMatchObject({ code: "conflict" });
  });
});
