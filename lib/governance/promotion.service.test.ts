import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { modelVersions, modelVersionTransitions, promotionDecisions, promotionRequests } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq } from "@/test/db";
import { advanceTo, castOfPeople, requestIdOf, makeModel, makeVersion, randomDigest, versionStatus, type Cast } from "@/test/governance";
import { countWaitingFor, listWaitingFor } from "./queries";
import "./actions";

// AI.3 bias testing is the controls module's check (tested there); it stands aside here so
// these tests are about the approval rules and the governance module's own checks.
vi.mock("@/lib/governance/gates/bias-testing", () => ({
  biasTestingGate: {
    id: "bias_testing_passed",
    title: "AI.3",
    appliesTo: () => false,
    evaluate: () => ({ passed: true, inputs: [], detail: "" }),
  },
}));

/** The approval rules an auditor will test (issue 4), through the registered actions. */
const run = (name: string, ctx: RequestContext, input: Record<string, unknown>) => actionRegistry.get(name)!.invoke(ctx, input);

let p: Cast;
beforeAll(async () => {
  p = await castOfPeople();
});
afterAll(closeDb);

/** A version at `status` with an open request to the next status, opened by `by`. */
async function openRequest(
  status: "development" | "testing" | "staging" | "production" | "deprecated",
  to: string,
  by: RequestContext = p.engineer,
  opts: Parameters<typeof makeVersion>[2] = {},
) {
  const model = await makeModel(p.engineer);
  const version = await makeVersion(p.engineer, model.id, opts);
  await advanceTo(version.id, status);
  const result = await run("models.request_promotion", by, {
    versionId: version.id,
    toStatus: to,
    justification: "Offline evaluation passed; ready for the next step.",
  });
  if (!result?.ok) throw new Error(`request failed: ${JSON.stringify(result)}`);
  return { model, version, requestId: requestIdOf(result) };
}

/** Everything a refusal must leave alone. */
async function state(requestId: string, versionId: string) {
  const [request] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, requestId));
  const decisions = await db.select().from(promotionDecisions).where(eq(promotionDecisions.requestId, requestId));
  const [version] = await db.select().from(modelVersions).where(eq(modelVersions.id, versionId));
  const transitions = await db.select().from(modelVersionTransitions).where(eq(modelVersionTransitions.versionId, versionId));
  return { request, decisions, version, transitions };
}

/** Runs a refused attempt and checks: the refusal, exactly one audit event of its kind, no other change. */
async function expectRefused(
  attempt: () => Promise<unknown>,
  ids: { requestId: string; versionId: string },
  expected: { code: string; type: string; outcome: string; reason: string },
) {
  const before = await state(ids.requestId, ids.versionId);
  const after = await headSeq();
  expect(await attempt()).toMatchObject({ ok: false, code: expected.code });
  const events = await auditEvents({ afterSeq: after, resourceId: ids.versionId });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ eventType: expected.type, outcome: expected.outcome, metadata: { reason: expected.reason } });
  expect(await state(ids.requestId, ids.versionId)).toEqual(before);
}

describe("requesting a promotion", () => {
  it("records the policy's roles and one audit event with before/after", async () => {
    const after = await headSeq();
    const { version, requestId } = await openRequest("staging", "production");
    const [request] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, requestId));
    expect(request).toMatchObject({
      status: "open",
      fromStatus: "staging",
      toStatus: "production",
      requiredRoles: ["ml_lead", "security_lead", "product_owner"],
    });
    const events = (await auditEvents({ afterSeq: after, resourceId: version.id })).filter((e) => e.action === "model.promotion_requested");
    expect(events).toEqual([
      expect.objectContaining({
        eventType: "model_update",
        outcome: "success",
        metadata: expect.objectContaining({
          requestId,
          before: null,
          after: expect.objectContaining({ from: "staging", to: "production" }),
        }),
      }),
    ]);
  });

  it("refuses an invalid transition (a skip) as a failed, audited attempt that opens nothing", async () => {
    const model = await makeModel(p.engineer);
    const version = await makeVersion(p.engineer, model.id);
    const after = await headSeq();
    expect(
      await run("models.request_promotion", p.engineer, {
        versionId: version.id,
        toStatus: "production",
        justification: "Skip straight to production please.",
      }),
    ).toMatchObject({ ok: false, code: "conflict", formError: expect.stringMatching(/one step forward/) });
    expect(await db.select().from(promotionRequests).where(eq(promotionRequests.versionId, version.id))).toEqual([]);
    expect(await auditEvents({ afterSeq: after, resourceId: version.id })).toEqual([
      expect.objectContaining({
        eventType: "model_update",
        action: "model.promotion_requested",
        outcome: "failure",
        metadata: expect.objectContaining({ reason: "invalid_transition" }),
      }),
    ]);
  });

  it("refuses the wrong role (a QA lead cannot request)", async () => {
    const model = await makeModel(p.engineer);
    const version = await makeVersion(p.engineer, model.id);
    expect(
      await run("models.request_promotion", p.qa, {
        versionId: version.id,
        toStatus: "testing",
        justification: "Trying without the role.",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("allows one open request per version", async () => {
    const { version, requestId } = await openRequest("development", "testing");
    await expectRefused(
      () =>
        run("models.request_promotion", p.scientist, {
          versionId: version.id,
          toStatus: "testing",
          justification: "A second request for the same step.",
        }),
      { requestId, versionId: version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "request_already_open" },
    );
  });
});

describe("approving", () => {
  it("refuses self-approval (access_denied) and changes nothing else", async () => {
    const ids = await openRequest("staging", "production", p.lead);
    await expectRefused(
      () => run("models.approve", p.lead, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "forbidden", type: "access_denied", outcome: "denied", reason: "own_request" },
    );
  });

  it("refuses someone whose roles are not required (access_denied)", async () => {
    const ids = await openRequest("testing", "staging");
    await expectRefused(
      () => run("models.approve", p.security, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "forbidden", type: "access_denied", outcome: "denied", reason: "not_an_approver" },
    );
  });

  it("lets one person with two required roles fill one, and refuses their second decision", async () => {
    const ids = await openRequest("testing", "staging");
    expect(await run("models.approve", p.twoHats, { requestId: ids.requestId })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/still needs/),
    });
    await expectRefused(
      () => run("models.approve", p.twoHats, { requestId: ids.requestId, role: "qa_lead" }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "already_decided" },
    );
    expect(await versionStatus(ids.version.id)).toBe("testing");
    expect(await run("models.approve", p.qa, { requestId: ids.requestId })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/now in staging/),
    });
    expect(await versionStatus(ids.version.id)).toBe("staging");
  });

  it("refuses a role someone else already filled", async () => {
    const ids = await openRequest("testing", "staging");
    expect(await run("models.approve", p.lead, { requestId: ids.requestId })).toMatchObject({ ok: true });
    await expectRefused(
      () => run("models.approve", p.lead2, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "roles_filled" },
    );
  });

  it("promotes on the last approval, in the same transaction, with one status event and a recorded transition", async () => {
    const ids = await openRequest("development", "testing", p.scientist);
    const after = await headSeq();
    expect(await run("models.approve", p.engineer2, { requestId: ids.requestId, comment: "Unit tests green." })).toMatchObject({
      ok: true,
    });
    const s = await state(ids.requestId, ids.version.id);
    expect(s.version!.status).toBe("testing");
    expect(s.request).toMatchObject({ status: "approved", closeReason: "approved", closedBy: p.engineer2.user!.id });
    expect(s.transitions.map((t) => [t.fromStatus, t.toStatus, t.cause, t.requestId])).toEqual([
      [null, "development", "registered", null],
      ["development", "testing", "promoted", ids.requestId],
    ]);
    const events = await auditEvents({ afterSeq: after, resourceId: ids.version.id });
    expect(events.map((e) => [e.eventType, e.action])).toEqual([
      ["model_update", "model.promotion_approved"],
      ["model_deployment", "model.status_changed"],
    ]);
    expect(events[1]!.metadata).toMatchObject({
      before: { status: "development" },
      after: { status: "testing" },
      approvers: [{ role: "ml_engineer", userId: p.engineer2.user!.id }],
    });
  });

  it("refuses a closed (approved) request and a cancelled one", async () => {
    const approved = await openRequest("development", "testing");
    await run("models.approve", p.engineer2, { requestId: approved.requestId });
    await expectRefused(
      () => run("models.approve", p.engineer2, { requestId: approved.requestId }),
      { requestId: approved.requestId, versionId: approved.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "request_closed" },
    );
    const cancelled = await openRequest("testing", "staging");
    expect(await run("models.cancel_request", p.engineer, { requestId: cancelled.requestId })).toMatchObject({ ok: true });
    await expectRefused(
      () => run("models.approve", p.qa, { requestId: cancelled.requestId }),
      { requestId: cancelled.requestId, versionId: cancelled.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "request_closed" },
    );
  });

  it("is blocked by a failing gate, naming the check, with the gate results in the audit event", async () => {
    const ids = await openRequest("staging", "production", p.engineer, { metrics: { accuracy: 0.85 }, card: { knownBiases: "" } });
    await expectRefused(
      () => run("models.approve", p.security, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "gate_failed" },
    );
    const result = await run("models.approve", p.security, { requestId: ids.requestId });
    expect(result).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/2 failing checks.*known biases.*accuracy ≥ 0.9 \(0.85\)/),
    });
  });

  it("moves the previous production version to deprecated through the same recorded path", async () => {
    const model = await makeModel(p.engineer);
    const old = await makeVersion(p.engineer, model.id, { version: "1.0.0" });
    await advanceTo(old.id, "production");
    const next = await makeVersion(p.engineer, model.id, { version: "2.0.0" });
    await advanceTo(next.id, "staging");
    // An open request to deprecate the old version becomes moot: it is cancelled.
    const deprecate = await run("models.request_promotion", p.lead, {
      versionId: old.id,
      toStatus: "deprecated",
      justification: "Replace with 2.0.0 soon.",
    });
    const r = await run("models.request_promotion", p.engineer, {
      versionId: next.id,
      toStatus: "production",
      justification: "2.0.0 beats 1.0.0 on every metric.",
    });
    const requestId = requestIdOf(r);
    const after = await headSeq();
    for (const who of [p.lead, p.security, p.product]) expect(await run("models.approve", who, { requestId })).toMatchObject({ ok: true });
    expect([await versionStatus(old.id), await versionStatus(next.id)]).toEqual(["deprecated", "production"]);
    const oldTransition = (
      await db
        .select()
        .from(modelVersionTransitions)
        .where(eq(modelVersionTransitions.versionId, old.id))
        .orderBy(modelVersionTransitions.id)
    ).at(-1);
    expect(oldTransition).toMatchObject({ fromStatus: "production", toStatus: "deprecated", cause: "superseded", requestId });
    const oldEvents = await auditEvents({ afterSeq: after, resourceId: old.id });
    expect(oldEvents.map((e) => [e.eventType, e.action, e.metadata.after])).toEqual([
      ["model_deployment", "model.status_changed", { status: "deprecated" }],
      ["model_update", "model.promotion_cancelled", { status: "cancelled" }],
    ]);
    const [moot] = await db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.id, requestIdOf(deprecate)));
    expect(moot).toMatchObject({ status: "cancelled", closeReason: "superseded by 2.0.0" });
  });
});

describe("waiting for you", () => {
  it("lists a request for holders of unfilled roles, never for the requester, and drops it once they decide or the role is filled", async () => {
    const ids = await openRequest("staging", "production", p.lead);
    // A large limit: the shared test database keeps other tests' open requests, oldest first.
    const waits = async (who: RequestContext) => (await listWaitingFor(who.user!, 100_000)).some((r) => r.id === ids.requestId);
    expect([await waits(p.lead), await waits(p.lead2), await waits(p.security), await waits(p.qa)]).toEqual([false, true, true, false]);
    const before = await countWaitingFor(p.security.user!);
    await run("models.approve", p.security, { requestId: ids.requestId });
    expect(await waits(p.security)).toBe(false);
    expect(await countWaitingFor(p.security.user!)).toBe(before - 1);
    await run("models.approve", p.lead2, { requestId: ids.requestId });
    // The ML lead role is filled: other ML leads are no longer needed (the requester never was).
    expect([await waits(p.twoHats), await waits(p.product)]).toEqual([false, true]);
  });
});

describe("the artifact digest", () => {
  it("voids open approvals when the artifact changes; approvals then bind to the new digest", async () => {
    const ids = await openRequest("staging", "production");
    expect(await run("models.approve", p.lead, { requestId: ids.requestId })).toMatchObject({ ok: true });
    expect(await run("models.approve", p.security, { requestId: ids.requestId })).toMatchObject({ ok: true });
    const newDigest = randomDigest();
    const after = await headSeq();
    expect(
      await run("models.replace_artifact", p.engineer, {
        versionId: ids.version.id,
        artifactUri: "s3://models/rebuilt/model.onnx",
        artifactDigest: newDigest,
      }),
    ).toMatchObject({ ok: true, message: expect.stringMatching(/2 approvals were voided/) });
    const s = await state(ids.requestId, ids.version.id);
    expect(s.decisions.every((d) => d.voidedAt !== null && d.voidReason === "artifact_replaced")).toBe(true);
    expect(s.request!.artifactDigest).toBe(newDigest);
    expect(await auditEvents({ afterSeq: after, resourceId: ids.version.id })).toEqual([
      expect.objectContaining({
        action: "model.artifact_replaced",
        metadata: expect.objectContaining({
          after: expect.objectContaining({ artifactDigest: newDigest }),
          voidedApprovals: expect.arrayContaining([{ userId: p.lead.user!.id, role: "ml_lead" }]),
        }),
      }),
    ]);
    // The product owner's approval is no longer the last one: the voided two must approve again.
    expect(await run("models.approve", p.product, { requestId: ids.requestId })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/still needs/),
    });
    expect(await run("models.approve", p.lead, { requestId: ids.requestId })).toMatchObject({ ok: true });
    expect(await run("models.approve", p.security, { requestId: ids.requestId })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/now in production/),
    });
    const [promoted] = (await state(ids.requestId, ids.version.id)).transitions.filter((t) => t.toStatus === "production");
    expect(promoted!.artifactDigest).toBe(newDigest);
  });

  it("cannot change once the version is in production (refused, audited)", async () => {
    const ids = await openRequest("production", "deprecated", p.lead);
    await expectRefused(
      () =>
        run("models.replace_artifact", p.engineer, { versionId: ids.version.id, artifactUri: "s3://x/y", artifactDigest: randomDigest() }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "artifact_frozen" },
    );
  });
});

describe("rejecting and cancelling", () => {
  it("a rejection needs a comment, closes the request, and refuses later approvals", async () => {
    const ids = await openRequest("testing", "staging");
    expect(await run("models.reject", p.qa, { requestId: ids.requestId, comment: " " })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { comment: [expect.any(String)] },
    });
    const after = await headSeq();
    expect(
      await run("models.reject", p.qa, { requestId: ids.requestId, comment: "Regression suite fails on the holdout set." }),
    ).toMatchObject({ ok: true });
    expect((await state(ids.requestId, ids.version.id)).request).toMatchObject({ status: "rejected", closedBy: p.qa.user!.id });
    expect(await auditEvents({ afterSeq: after, resourceId: ids.version.id })).toEqual([
      expect.objectContaining({
        action: "model.promotion_rejected",
        metadata: expect.objectContaining({ before: { status: "open" }, after: { status: "rejected" } }),
      }),
    ]);
    await expectRefused(
      () => run("models.approve", p.lead, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "request_closed" },
    );
  });

  it("only the requester can cancel (others: access_denied)", async () => {
    const ids = await openRequest("testing", "staging");
    await expectRefused(
      () => run("models.cancel_request", p.scientist, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "forbidden", type: "access_denied", outcome: "denied", reason: "not_requester" },
    );
    expect(await run("models.cancel_request", p.engineer, { requestId: ids.requestId })).toMatchObject({ ok: true });
    await expectRefused(
      () => run("models.cancel_request", p.engineer, { requestId: ids.requestId }),
      { requestId: ids.requestId, versionId: ids.version.id },
      { code: "conflict", type: "model_update", outcome: "failure", reason: "request_closed" },
    );
  });
});
