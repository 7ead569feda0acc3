import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db/client";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { advanceTo, castOfPeople, makeModel, makeVersion, randomDigest, type Cast } from "@/test/governance";
import { getModelTimeline, getProductionAsOf, getVersionHistory } from "./queries";
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

/** "Which version was in production at T, and who approved it?" from recorded transitions. */
const run = async (name: string, ctx: RequestContext, input: Record<string, unknown>) => {
  const result = await actionRegistry.get(name)!.invoke(ctx, input);
  if (!result?.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A moment strictly between what happened before and what happens next. */
async function moment(): Promise<Date> {
  await sleep(15);
  const t = new Date();
  await sleep(15);
  return t;
}

let p: Cast;
let modelId: string;
const times: Record<string, Date> = {};
let v1: { id: string; version: string };
let v2: { id: string; version: string };

async function promote(versionId: string, to: string, requester: RequestContext, approvers: RequestContext[]) {
  const r = await run("models.request_promotion", requester, { versionId, toStatus: to, justification: `Move to ${to} after review.` });
  const requestId = (r.data!.href as string).split("/").pop()!;
  for (const who of approvers) await run("models.approve", who, { requestId, comment: `ok from ${who.user!.email}` });
  return requestId;
}

beforeAll(async () => {
  p = await castOfPeople();
  modelId = (await makeModel(p.engineer)).id;
  v1 = await makeVersion(p.engineer, modelId, { version: "1.0.0" });
  v2 = await makeVersion(p.engineer, modelId, { version: "2.0.0" });
  await advanceTo(v1.id, "staging");
  await advanceTo(v2.id, "staging");
  times.beforeAny = await moment();
  // v1's production request: the security lead's first approval is voided by a rebuild.
  const r = await run("models.request_promotion", p.scientist, {
    versionId: v1.id,
    toStatus: "production",
    justification: "First production release.",
  });
  const requestId = (r.data!.href as string).split("/").pop()!;
  await run("models.approve", p.security, { requestId });
  await run("models.replace_artifact", p.engineer, {
    versionId: v1.id,
    artifactUri: "s3://models/1.0.0-rebuild/model.onnx",
    artifactDigest: randomDigest(),
  });
  for (const who of [p.lead, p.security, p.product]) await run("models.approve", who, { requestId, comment: "Reviewed." });
  times.v1Live = await moment();
  await promote(v2.id, "production", p.engineer, [p.twoHats, p.security, p.product]);
  times.v2Live = await moment();
  await promote(v2.id, "deprecated", p.engineer, [p.lead]);
  times.noneLive = await moment();
});
afterAll(closeDb);

describe("getProductionAsOf", () => {
  it("answers nothing before any version reached production", async () => {
    expect(await getProductionAsOf(modelId, times.beforeAny!)).toBeNull();
  });

  it("names the version, since when, its request and exactly the approvals that counted", async () => {
    const at = await getProductionAsOf(modelId, times.v1Live!);
    expect(at).toMatchObject({ version: "1.0.0", requestedBy: p.scientist.user!.name, justification: "First production release." });
    // The voided first approval by the security lead is not among them; the renewed one is.
    expect(at!.approvers.map((a) => [a.email, a.role])).toEqual([
      [p.lead.user!.email, "ml_lead"],
      [p.security.user!.email, "security_lead"],
      [p.product.user!.email, "product_owner"],
    ]);
    expect(at!.until).not.toBeNull(); // superseded by 2.0.0 later
    expect(at!.since.getTime()).toBeLessThan(times.v1Live!.getTime());
  });

  it("follows a newer production version, and the person holding two roles appears once", async () => {
    const at = await getProductionAsOf(modelId, times.v2Live!);
    expect(at).toMatchObject({ version: "2.0.0", until: expect.any(Date) });
    expect(at!.approvers.map((a) => a.role)).toEqual(["ml_lead", "security_lead", "product_owner"]);
    expect(at!.approvers[0]!.email).toBe(p.twoHats.user!.email);
  });

  it("answers nothing once the production version was deprecated with no successor", async () => {
    expect(await getProductionAsOf(modelId, times.noneLive!)).toBeNull();
    expect(await getProductionAsOf(modelId, new Date())).toBeNull();
  });

  it("resolves to the millisecond around a change (the database keeps microseconds)", async () => {
    const at = await getProductionAsOf(modelId, times.v2Live!);
    const justAfter = await getProductionAsOf(modelId, new Date(at!.since.getTime() + 1));
    expect(justAfter?.version).toBe("2.0.0");
    const justBefore = await getProductionAsOf(modelId, new Date(at!.since.getTime() - 1));
    expect(justBefore?.version).toBe("1.0.0");
  });
});

describe("the model timeline and the version history", () => {
  it("lists every recorded transition newest first, with approvers on promotions", async () => {
    const timeline = await getModelTimeline(modelId);
    expect(timeline.map((t) => `${t.version}:${t.fromStatus ?? "∅"}>${t.toStatus}:${t.cause}`)).toEqual([
      "2.0.0:production>deprecated:promoted",
      "2.0.0:staging>production:promoted",
      "1.0.0:production>deprecated:superseded",
      "1.0.0:staging>production:promoted",
      "2.0.0:∅>development:registered",
      "1.0.0:∅>development:registered",
    ]);
    expect(timeline[0]!.approvers.map((a) => a.role)).toEqual(["ml_lead"]);
    expect(timeline[2]!.approvers).toEqual([]);
  });

  it("shows a version's whole audited history, newest first", async () => {
    const history = await getVersionHistory(v1.id);
    expect(history.map((h) => h.action).reverse()).toEqual([
      "model.version_registered",
      "model.promotion_requested",
      "model.promotion_approved",
      "model.artifact_replaced",
      "model.promotion_approved",
      "model.promotion_approved",
      "model.promotion_approved",
      "model.status_changed",
      "model.status_changed",
    ]);
    expect(history[0]).toMatchObject({
      action: "model.status_changed",
      actor: p.product.user!.name,
      metadata: expect.objectContaining({ cause: "superseded" }),
    });
  });
});
