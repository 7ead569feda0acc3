import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { approvalPolicies, promotionRequests } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import { createApiKey } from "@/lib/api-keys/service";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq } from "@/test/db";
import { advanceTo, castOfPeople, requestIdOf, makeModel, makeVersion, randomDigest, type Cast } from "@/test/governance";
import { getModelByKey, getVersionDetail, listModels } from "./queries";
import "./actions";

/** Registry verbs (one "wrong role" and one "one audit event with before/after" each) and the CI route. */
const run = (name: string, ctx: RequestContext, input: Record<string, unknown>) => actionRegistry.get(name)!.invoke(ctx, input);
const key = () => `reg-${randomBytes(4).toString("hex")}`;

let p: Cast;
beforeAll(async () => {
  p = await castOfPeople();
});
afterAll(closeDb);

describe("models.register", () => {
  it("is refused for an approver and writes one event with before/after for an ML engineer", async () => {
    const k = key();
    expect(await run("models.register", p.lead, { key: k, name: "X", owner: "Y" })).toMatchObject({ ok: false, code: "forbidden" });
    const after = await headSeq();
    expect(
      await run("models.register", p.engineer, {
        key: k.toUpperCase(),
        name: "Fraud",
        owner: "Risk team",
        thresholds: "accuracy >= 0.9\nlatency_ms <= 120",
      }),
    ).toMatchObject({ ok: true, data: { href: `/models/${k}` } });
    const model = await getModelByKey(k);
    expect(model!.thresholds).toEqual([
      { metric: "accuracy", op: "gte", value: 0.9 },
      { metric: "latency_ms", op: "lte", value: 120 },
    ]);
    expect(await auditEvents({ afterSeq: after, resourceId: model!.id })).toEqual([
      expect.objectContaining({
        action: "model.registered",
        metadata: expect.objectContaining({ before: null, after: expect.objectContaining({ key: k }) }),
      }),
    ]);
  });

  it("refuses a duplicate or reserved key and bad threshold lines with field errors", async () => {
    const k = key();
    await run("models.register", p.engineer, { key: k, name: "A", owner: "B" });
    expect(await run("models.register", p.engineer, { key: k, name: "A", owner: "B" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { key: ["A model with this key exists."] },
    });
    expect(await run("models.register", p.engineer, { key: "requests", name: "A", owner: "B" })).toMatchObject({
      ok: false,
      fieldErrors: { key: [expect.stringMatching(/reserved/)] },
    });
    expect(await run("models.register", p.engineer, { key: key(), name: "A", owner: "B", thresholds: "accuracy > 0.9" })).toMatchObject({
      ok: false,
      fieldErrors: { thresholds: [expect.stringMatching(/Line 1/)] },
    });
  });
});

describe("the registry list", () => {
  it("counts each model's versions and open requests and names its production version", async () => {
    const model = await makeModel(p.engineer);
    const live = await makeVersion(p.engineer, model.id, { version: "1.0.0" });
    await advanceTo(live.id, "production");
    const next = await makeVersion(p.engineer, model.id, { version: "1.1.0" });
    await run("models.request_promotion", p.scientist, {
      versionId: next.id,
      toStatus: "testing",
      justification: "Ready for the test suite.",
    });
    const row = (await listModels()).find((m) => m.id === model.id);
    expect(row).toMatchObject({ key: model.key, versions: 2, productionVersion: "1.0.0", openRequests: 1 });
  });
});

describe("versions, cards and thresholds", () => {
  it("registers a version in development with its metrics (wrong role refused)", async () => {
    const model = await makeModel(p.engineer);
    const input = {
      modelId: model.id,
      version: "0.1.0",
      trainingDataHash: "A".repeat(64),
      artifactUri: "s3://m/0.1.0",
      artifactDigest: "b".repeat(64),
      metrics: "accuracy = 0.91\nf1 = 0.8",
      riskTier: "",
    };
    expect(await run("models.register_version", p.auditor, input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run("models.register_version", p.scientist, input)).toMatchObject({ ok: true });
    const v = await getVersionDetail(model.id, "0.1.0");
    expect(v).toMatchObject({
      status: "development",
      trainingDataHash: `sha256:${"a".repeat(64)}`,
      artifactDigest: `sha256:${"b".repeat(64)}`,
      metrics: { accuracy: 0.91, f1: 0.8 },
      card: { riskTier: null },
    });
    expect(await run("models.register_version", p.scientist, input)).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { version: [expect.any(String)] },
    });
  });

  it("saves a model card with one before/after event, and refuses it once retired", async () => {
    const model = await makeModel(p.engineer);
    const v = await makeVersion(p.engineer, model.id, { card: { knownBiases: "" } });
    const after = await headSeq();
    expect(
      await run("models.update_card", p.scientist, {
        versionId: v.id,
        intendedUse: "Fraud",
        limitations: "EU",
        knownBiases: "None found in audit",
        riskTier: "medium",
      }),
    ).toMatchObject({ ok: true });
    expect(await auditEvents({ afterSeq: after, resourceId: v.id })).toEqual([
      expect.objectContaining({
        action: "model.card_updated",
        metadata: expect.objectContaining({
          before: expect.objectContaining({ knownBiases: "" }),
          after: expect.objectContaining({ knownBiases: "None found in audit", riskTier: "medium" }),
        }),
      }),
    ]);
    await advanceTo(v.id, "retired");
    expect(
      await run("models.update_card", p.scientist, { versionId: v.id, intendedUse: "x", limitations: "", knownBiases: "", riskTier: "" }),
    ).toMatchObject({ ok: false, code: "conflict" });
  });

  it("sets thresholds (only those who own quality), one event with before/after", async () => {
    const model = await makeModel(p.engineer);
    expect(await run("models.set_thresholds", p.engineer, { modelId: model.id, thresholds: "accuracy >= 0.5" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const after = await headSeq();
    expect(await run("models.set_thresholds", p.qa, { modelId: model.id, thresholds: "accuracy >= 0.95" })).toMatchObject({ ok: true });
    expect(await auditEvents({ afterSeq: after, resourceId: model.id })).toEqual([
      expect.objectContaining({
        action: "model.thresholds_changed",
        metadata: {
          before: { thresholds: [{ metric: "accuracy", op: "gte", value: 0.9 }] },
          after: { thresholds: [{ metric: "accuracy", op: "gte", value: 0.95 }] },
        },
      }),
    ]);
  });
});

describe("models.update_policy", () => {
  it("is audited, refused for others, and never alters a request already open", async () => {
    const model = await makeModel(p.engineer);
    const v1 = await makeVersion(p.engineer, model.id);
    const r1 = await run("models.request_promotion", p.scientist, {
      versionId: v1.id,
      toStatus: "testing",
      justification: "Before the policy change.",
    });
    expect(await run("models.update_policy", p.lead, { toStatus: "testing", roles: ["qa_lead"] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await run("models.update_policy", p.compliance, { toStatus: "testing", roles: ["auditor"] })).toMatchObject({
      ok: false,
      code: "validation",
    });
    const after = await headSeq();
    expect(await run("models.update_policy", p.compliance, { toStatus: "testing", roles: ["ml_engineer", "qa_lead"] })).toMatchObject({
      ok: true,
    });
    try {
      expect(await auditEvents({ afterSeq: after, resourceId: "testing" })).toEqual([
        expect.objectContaining({
          eventType: "config_change",
          action: "approval_policy.updated",
          metadata: { before: { requiredRoles: ["ml_engineer"] }, after: { requiredRoles: ["ml_engineer", "qa_lead"] } },
        }),
      ]);
      const v2 = await makeVersion(p.engineer, model.id);
      await run("models.request_promotion", p.scientist, {
        versionId: v2.id,
        toStatus: "testing",
        justification: "After the policy change.",
      });
      const [open1] = await db
        .select()
        .from(promotionRequests)
        .where(eq(promotionRequests.id, requestIdOf(r1)));
      const [open2] = await db.select().from(promotionRequests).where(eq(promotionRequests.versionId, v2.id));
      expect(open1!.requiredRoles).toEqual(["ml_engineer"]);
      expect(open2!.requiredRoles).toEqual(["ml_engineer", "qa_lead"]);
    } finally {
      // Other test files share the database: put the policy back.
      await db
        .update(approvalPolicies)
        .set({ requiredRoles: ["ml_engineer"] })
        .where(eq(approvalPolicies.toStatus, "testing"));
    }
  });
});

describe("POST /api/v1/models/{key}/versions", () => {
  const call = async (token: string, modelKey: string, body: unknown) => {
    const { POST } = await import("@/app/api/v1/models/[key]/versions/route");
    const res = await POST(
      new Request(`http://127.0.0.1/api/v1/models/${modelKey}/versions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ key: modelKey }) },
    );
    return { status: res.status, body: await res.json() };
  };
  const body = (over: Record<string, unknown> = {}) => ({
    version: "3.0.0",
    trainingDataHash: "c".repeat(64),
    artifactUri: "s3://ci/3.0.0/model.onnx",
    artifactDigest: "d".repeat(64),
    metrics: { accuracy: 0.94 },
    ...over,
  });

  it("registers, is idempotent on retry, replaces the artifact on a rebuild, and refuses changed evidence", async () => {
    const { token } = await db.transaction((tx) =>
      createApiKey(tx, p.admin, { name: "ci", scopes: ["models:write"], ratePerMinute: 1000, ratePerDay: 10_000 }),
    );
    const model = await makeModel(p.engineer);
    const created = await call(token, model.key, body({ modelCard: { intendedUse: "CI", riskTier: "low" } }));
    expect(created).toMatchObject({
      status: 201,
      body: { outcome: "created", status: "development", url: `/models/${model.key}/versions/3.0.0` },
    });
    const events = await auditEvents({ resourceId: created.body.versionId });
    expect(events).toEqual([
      expect.objectContaining({ action: "model.version_registered", actorUserId: null, actorApiKeyId: expect.any(String) }),
    ]);
    expect(await call(token, model.key, body())).toMatchObject({ status: 200, body: { outcome: "unchanged" } });
    expect(await call(token, model.key, body({ metrics: { accuracy: 0.99 } }))).toMatchObject({ status: 409 });
    const rebuilt = await call(token, model.key, body({ artifactDigest: randomDigest(), metrics: { accuracy: 0.95 } }));
    expect(rebuilt).toMatchObject({ status: 200, body: { outcome: "artifact_replaced" } });
    expect((await getVersionDetail(model.id, "3.0.0"))!.metrics).toEqual({ accuracy: 0.95 });
  });

  it("answers 404 for an unknown model and 400 with field errors for a bad body", async () => {
    const { token } = await db.transaction((tx) =>
      createApiKey(tx, p.admin, { name: "ci", scopes: ["models:write"], ratePerMinute: 1000, ratePerDay: 10_000 }),
    );
    expect(await call(token, "no-such-model", body())).toMatchObject({ status: 404 });
    const bad = await call(token, (await makeModel(p.engineer)).key, body({ artifactDigest: "md5:abc", metrics: { Accuracy: "high" } }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["artifactDigest", "metrics.Accuracy"]);
  });
});
