import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { modelVersionTransitions, promotionDecisions, promotionRequests } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq } from "@/test/db";
import { advanceTo, castOfPeople, makeModel, makeVersion, versionStatus, type Cast } from "@/test/governance";
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

/**
 * Concurrent decisions, each with its negative control: the same scenario run through a
 * deliberately naive path (no row locks; and, where said, a copy of the decisions table
 * without the partial unique indexes) must go wrong, or the test proves nothing.
 */
const approve = (ctx: RequestContext, requestId: string) => actionRegistry.get("models.approve")!.invoke(ctx, { requestId });

let p: Cast;
const scratch = `naive_${randomBytes(4).toString("hex")}`;
beforeAll(async () => {
  p = await castOfPeople();
  // The "constraint removed" copy: same columns and defaults, no indexes.
  await db.execute(sql.raw(`CREATE TABLE ${scratch}_decisions (LIKE promotion_decisions INCLUDING DEFAULTS)`));
  await db.execute(sql.raw(`CREATE TABLE ${scratch}_promotions (request_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())`));
});
afterAll(async () => {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${scratch}_decisions, ${scratch}_promotions`));
  await closeDb();
});

async function productionRequest() {
  const model = await makeModel(p.engineer);
  const version = await makeVersion(p.engineer, model.id);
  await advanceTo(version.id, "staging");
  const r = await actionRegistry
    .get("models.request_promotion")!
    .invoke(p.engineer, { versionId: version.id, toStatus: "production", justification: "Ready for production traffic." });
  if (!r?.ok) throw new Error(JSON.stringify(r));
  const [request] = await db
    .select()
    .from(promotionRequests)
    .where(and(eq(promotionRequests.versionId, version.id), eq(promotionRequests.status, "open")));
  return { versionId: version.id, request: request! };
}

/**
 * Lets concurrent naive attempts meet at the worst moment for them (all have read before
 * any writes, or all have written before any counts), so the control fails every time
 * instead of when the scheduler happens to interleave them.
 */
function barrier(parties: number) {
  let arrived = 0;
  let release: () => void = () => {};
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return all;
  };
}

type Meet = () => Promise<void>;

/** What a naive implementation does: read, decide, write, with no lock held in between. */
async function naiveApprove(
  who: RequestContext,
  request: typeof promotionRequests.$inferSelect,
  role: string,
  table: string,
  commitFirst: boolean,
  meet: { read: Meet; written: Meet; counted?: Meet },
) {
  const userId = who.user!.id;
  const decided = await db.transaction(async (tx) => {
    const mine = await tx.execute(
      sql`SELECT 1 FROM ${sql.raw(table)} WHERE request_id = ${request.id} AND decided_by = ${userId} AND voided_at IS NULL`,
    );
    await meet.read();
    if (mine.length > 0) return false;
    await tx.execute(
      sql`INSERT INTO ${sql.raw(table)} (request_id, decided_by, decision, role, artifact_digest) VALUES (${request.id}, ${userId}, 'approve', ${role}, ${request.artifactDigest})`,
    );
    if (!commitFirst) {
      await meet.written();
      await maybePromote(tx, request, table, meet.counted);
    }
    return true;
  });
  // The two-step variant: the approval commits, then a separate check promotes.
  if (decided && commitFirst) {
    await meet.written();
    await db.transaction((tx) => maybePromote(tx, request, table));
  }
}

async function maybePromote(
  tx: Parameters<Parameters<typeof db.transaction>[0]>[0],
  request: typeof promotionRequests.$inferSelect,
  table: string,
  counted?: Meet,
) {
  const [row] = await tx.execute<{ n: number }>(
    sql`SELECT count(DISTINCT role)::int AS n FROM ${sql.raw(table)} WHERE request_id = ${request.id} AND decision = 'approve' AND voided_at IS NULL`,
  );
  await counted?.();
  if (row!.n === request.requiredRoles.length)
    await tx.execute(sql`INSERT INTO ${sql.raw(`${scratch}_promotions`)} (request_id) VALUES (${request.id})`);
}

const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises);

describe("the same approver clicking ten times at once", () => {
  it("records one decision; the other nine are refused cleanly and audited", async () => {
    const { versionId, request } = await productionRequest();
    const after = await headSeq();
    const results = await Promise.all(Array.from({ length: 10 }, () => approve(p.lead, request.id)));
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => r?.ok === false && r.code === "conflict")).toHaveLength(9);
    expect(await db.select().from(promotionDecisions).where(eq(promotionDecisions.requestId, request.id))).toHaveLength(1);
    const events = await auditEvents({ afterSeq: after, resourceId: versionId });
    expect(events.filter((e) => e.outcome === "success")).toHaveLength(1);
    expect(events.filter((e) => e.outcome === "failure" && e.metadata.reason === "already_decided")).toHaveLength(9);
  });

  it("negative control: without the lock and the unique index, the naive path records several", async () => {
    const { request } = await productionRequest();
    const meet = { read: barrier(10), written: async () => {} };
    await settle(Array.from({ length: 10 }, () => naiveApprove(p.lead, request, "ml_lead", `${scratch}_decisions`, false, meet)));
    const [row] = await db.execute<{ n: number }>(
      sql.raw(`SELECT count(*)::int AS n FROM ${scratch}_decisions WHERE request_id = '${request.id}'`),
    );
    expect(row!.n).toBeGreaterThan(1);
  });

  it("negative control: without the lock, the unique index alone still keeps one (as errors, not refusals)", async () => {
    const { request } = await productionRequest();
    // All ten pass the check; the index then makes the later inserts wait for the first, and fail.
    const meet = { read: barrier(10), written: async () => {} };
    const outcomes = await settle(
      Array.from({ length: 10 }, () => naiveApprove(p.lead, request, "ml_lead", "promotion_decisions", false, meet)),
    );
    expect(await db.select().from(promotionDecisions).where(eq(promotionDecisions.requestId, request.id))).toHaveLength(1);
    const failures = outcomes
      .filter((o) => o.status === "rejected")
      .map((o) => String(((o as PromiseRejectedResult).reason as { cause?: { constraint_name?: string } }).cause?.constraint_name));
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set(["promotion_decisions_one_per_person_key"]));
  });
});

describe("three required approvers approving at once", () => {
  it("promote exactly once", async () => {
    const { versionId, request } = await productionRequest();
    const waiting = await Promise.all([p.lead, p.security, p.product].map((who) => countWaitingFor(who.user!)));
    const after = await headSeq();
    const results = await Promise.all([p.lead, p.security, p.product].map((who) => approve(who, request.id)));
    expect(results.every((r) => r?.ok)).toBe(true);
    expect(results.filter((r) => r?.ok && /now in production/.test(r.message ?? ""))).toHaveLength(1);
    expect(await versionStatus(versionId)).toBe("production");
    const promotions = await db
      .select()
      .from(modelVersionTransitions)
      .where(and(eq(modelVersionTransitions.versionId, versionId), eq(modelVersionTransitions.toStatus, "production")));
    expect(promotions).toHaveLength(1);
    const [closed] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, request.id));
    expect(closed!.status).toBe("approved");
    const events = await auditEvents({ afterSeq: after, resourceId: versionId });
    expect(events.filter((e) => e.action === "model.status_changed")).toHaveLength(1);
    expect(events.filter((e) => e.action === "model.promotion_approved")).toHaveLength(3);
    // It has left each approver's "Waiting for you" count (and list).
    expect(await Promise.all([p.lead, p.security, p.product].map((who) => countWaitingFor(who.user!)))).toEqual(waiting.map((n) => n - 1));
    for (const who of [p.lead, p.security, p.product])
      expect((await listWaitingFor(who.user!, 100_000)).map((r) => r.id)).not.toContain(request.id);
  });

  it("negative control: the naive path promotes zero times (each sees only its own approval) or several times (two steps)", async () => {
    for (const commitFirst of [false, true]) {
      const { request } = await productionRequest();
      const roles = { ml_lead: p.lead, security_lead: p.security, product_owner: p.product };
      const meet = { read: async () => {}, written: barrier(3), counted: commitFirst ? undefined : barrier(3) };
      await settle(Object.entries(roles).map(([role, who]) => naiveApprove(who, request, role, `${scratch}_decisions`, commitFirst, meet)));
      const [row] = await db.execute<{ n: number }>(
        sql.raw(`SELECT count(*)::int AS n FROM ${scratch}_promotions WHERE request_id = '${request.id}'`),
      );
      expect(row!.n, commitFirst ? "approve, commit, then check" : "check in the approval's transaction").not.toBe(1);
    }
  });
});
