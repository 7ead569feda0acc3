import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import {
  models,
  modelMetricThresholds,
  modelVersionMetrics,
  modelVersions,
  modelVersionTransitions,
  promotionDecisions,
  promotionRequests,
  userRoles,
  users,
} from "../schema";
import { appendAuditEvents } from "@/lib/audit/append";
import { SYSTEM_ACTOR } from "@/lib/context";
import { type AuditEventInput } from "@/lib/audit/vocabulary";
import { isRole, type Role } from "@/lib/auth/permissions";
import { checkDecision, type RequestSnapshot } from "@/lib/governance/approval-rules";
import type { ModelCard } from "@/lib/governance/gates";
import { DEFAULT_POLICY, isValidTransition, type ModelStatus, type PromotionTarget } from "@/lib/governance/lifecycle";
import type { Threshold } from "@/lib/governance/metric-text";

/**
 * Writes a model's past (registrations, requests, approvals, status changes) with the dates
 * it happened, which the services cannot do (they stamp now()). The rows are written
 * directly, in one transaction per model; every step is checked with the same rules the
 * service applies (lifecycle, separation of duties), so the history is one the app itself
 * could have produced. Used by the demo seed and the browser tests.
 *
 * The audit log records what happened when it was recorded: these events are appended now,
 * by the system, as imported history (`imported: true`, with `occurredAt` and `by` in their
 * metadata). Back-dating them would put the log's time order at odds with its hash chain.
 */
export type StepPlan = {
  to: PromotionTarget;
  daysAgo: number;
  requester?: string;
  approvers?: string[];
  rejectedBy?: string;
  comment?: string;
  justification?: string;
};
export type OpenPlan = { to: PromotionTarget; daysAgo: number; requester?: string; approvedBy?: string[]; justification: string };
export type VersionPlan = {
  version: string;
  registeredDaysAgo: number;
  metrics: Record<string, number>;
  card: ModelCard;
  steps: StepPlan[];
  open?: OpenPlan;
};
export type ModelPlan = { key: string; name: string; owner: string; description: string; thresholds: Threshold[]; versions: VersionPlan[] };

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const demoEmail = (role: Role) => `${role}@assay.local`;
const defaultRequester = (to: PromotionTarget) => (to === "testing" ? demoEmail("data_scientist") : demoEmail("ml_engineer"));
export const fakeDigest = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

type Person = { id: string; roles: Role[] };
type Timed = { at: Date; actor: string | null; event: AuditEventInput };

async function people(): Promise<Map<string, Person>> {
  const rows = await db
    .select({ id: users.id, email: users.email, role: userRoles.role })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(sql`${users.email} like '%@assay.local'`);
  const out = new Map<string, Person>();
  for (const r of rows) {
    const p = out.get(r.email) ?? { id: r.id, roles: [] };
    if (r.role && isRole(r.role)) p.roles.push(r.role);
    out.set(r.email, p);
  }
  return out;
}

/** Creates the model and its history unless a model with this key exists. Returns whether it did. */
export async function buildModelHistory(plan: ModelPlan, now = new Date()): Promise<boolean> {
  const [exists] = await db.select({ id: models.id }).from(models).where(eq(models.key, plan.key));
  if (exists) return false;
  const who = await people();
  const person = (email: string) => {
    const p = who.get(email);
    if (!p) throw new Error(`seed: no demo user ${email}: seed the users first`);
    return p;
  };
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
  await db.transaction(async (tx) => {
    const events: Timed[] = [];
    const createdAt = ago(Math.max(...plan.versions.map((v) => v.registeredDaysAgo)) + 3);
    const [model] = await tx
      .insert(models)
      .values({ key: plan.key, name: plan.name, owner: plan.owner, description: plan.description, createdAt, updatedAt: createdAt })
      .returning({ id: models.id });
    const modelId = model!.id;
    if (plan.thresholds.length > 0) await tx.insert(modelMetricThresholds).values(plan.thresholds.map((t) => ({ modelId, ...t })));
    events.push({
      at: createdAt,
      actor: null,
      event: {
        type: "model_update",
        action: "model.registered",
        outcome: "success",
        resource: { type: "model", id: modelId },
        metadata: {
          before: null,
          after: { key: plan.key, name: plan.name, owner: plan.owner, thresholds: plan.thresholds },
          imported: true,
        },
      },
    });

    const state = new Map<string, { id: string; status: ModelStatus; digest: string }>();
    for (const v of plan.versions) {
      const at = ago(v.registeredDaysAgo);
      const digest = fakeDigest(`${plan.key}/${v.version}/artifact`);
      const registrar = person(demoEmail("ml_engineer"));
      const [row] = await tx
        .insert(modelVersions)
        .values({
          modelId,
          version: v.version,
          trainingDataHash: fakeDigest(`${plan.key}/${v.version}/training-data`),
          artifactUri: `s3://assay-demo-models/${plan.key}/${v.version}/model.onnx`,
          artifactDigest: digest,
          ...v.card,
          registeredBy: registrar.id,
          createdAt: at,
          statusChangedAt: at,
          updatedAt: at,
        })
        .returning({ id: modelVersions.id });
      state.set(v.version, { id: row!.id, status: "development", digest });
      if (Object.keys(v.metrics).length > 0)
        await tx
          .insert(modelVersionMetrics)
          .values(Object.entries(v.metrics).map(([name, value]) => ({ versionId: row!.id, name, value })));
      await tx.insert(modelVersionTransitions).values({
        modelId,
        versionId: row!.id,
        toStatus: "development",
        cause: "registered",
        artifactDigest: digest,
        actorUserId: registrar.id,
        occurredAt: at,
      });
      events.push({
        at,
        actor: registrar.id,
        event: {
          type: "model_update",
          action: "model.version_registered",
          outcome: "success",
          resource: { type: "model_version", id: row!.id },
          metadata: {
            before: null,
            after: { version: v.version, status: "development", artifactDigest: digest, metrics: v.metrics },
            imported: true,
          },
        },
      });
    }

    // Every step of every version, in the order they happened (superseding depends on it).
    const steps = plan.versions.flatMap((v) => v.steps.map((s) => ({ v, s }))).sort((a, b) => b.s.daysAgo - a.s.daysAgo);
    for (const { v, s } of steps) await applyStep(tx, { modelId, plan, v, s, state, person, ago, events });
    for (const v of plan.versions) if (v.open) await openRequest(tx, { modelId, v, open: v.open, state, person, ago, events });

    // Audit last, in the order it happened, under one lock acquisition.
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await appendAuditEvents(
      tx,
      SYSTEM_ACTOR,
      events.map(({ at, actor, event }) => ({ ...event, metadata: { ...event.metadata, occurredAt: at.toISOString(), by: actor } })),
    );
  });
  return true;
}

type Ctx = {
  modelId: string;
  state: Map<string, { id: string; status: ModelStatus; digest: string }>;
  person: (email: string) => Person;
  ago: (days: number, hours?: number) => Date;
  events: Timed[];
};

/** Checks the approvals against the real rules, in order, and returns the role each fills. */
function fill(snapshot: RequestSnapshot, approvers: { email: string; p: Person }[]): Role[] {
  return approvers.map(({ email, p }) => {
    const check = checkDecision(snapshot, { id: p.id, roles: p.roles }, "approve");
    if (!check.ok) throw new Error(`seed: ${email} cannot approve: ${check.message}`);
    snapshot.decisions.push({
      decidedBy: p.id,
      decision: "approve",
      role: check.role,
      artifactDigest: snapshot.artifactDigest,
      voided: false,
    });
    return check.role;
  });
}

async function insertRequest(
  tx: Transaction,
  c: Ctx,
  v: VersionPlan,
  to: PromotionTarget,
  requesterEmail: string,
  at: Date,
  justification: string,
  closed: { status: "approved" | "rejected"; at: Date; by: string; reason: string } | null,
) {
  const current = c.state.get(v.version)!;
  if (!isValidTransition(current.status, to)) throw new Error(`seed: ${v.version} cannot go ${current.status} -> ${to}`);
  const requester = c.person(requesterEmail);
  const requiredRoles = DEFAULT_POLICY[to];
  const [request] = await tx
    .insert(promotionRequests)
    .values({
      modelId: c.modelId,
      versionId: current.id,
      fromStatus: current.status,
      toStatus: to,
      requiredRoles,
      artifactDigest: current.digest,
      justification,
      requestedBy: requester.id,
      createdAt: at,
      status: closed?.status ?? "open",
      closedAt: closed?.at ?? null,
      closedBy: closed?.by ?? null,
      closeReason: closed?.reason ?? null,
    })
    .returning({ id: promotionRequests.id });
  const resource = { type: "model_version", id: current.id };
  c.events.push({
    at,
    actor: requester.id,
    event: {
      type: "model_update",
      action: "model.promotion_requested",
      outcome: "success",
      resource,
      metadata: {
        requestId: request!.id,
        version: v.version,
        before: null,
        after: { status: "open", from: current.status, to, requiredRoles, artifactDigest: current.digest, justification },
        imported: true,
      },
    },
  });
  const snapshot: RequestSnapshot = {
    status: "open",
    requestedBy: requester.id,
    requiredRoles,
    artifactDigest: current.digest,
    decisions: [],
  };
  return { requestId: request!.id, current, resource, snapshot };
}

async function approve(
  tx: Transaction,
  c: Ctx,
  r: Awaited<ReturnType<typeof insertRequest>>,
  emails: string[],
  times: Date[],
  to: PromotionTarget,
  comment = "",
) {
  const approvers = emails.map((email) => ({ email, p: c.person(email) }));
  const roles = fill(r.snapshot, approvers);
  for (const [i, { p }] of approvers.entries()) {
    await tx.insert(promotionDecisions).values({
      requestId: r.requestId,
      decidedBy: p.id,
      decision: "approve",
      role: roles[i]!,
      comment,
      artifactDigest: r.current.digest,
      createdAt: times[i]!,
    });
    c.events.push({
      at: times[i]!,
      actor: p.id,
      event: {
        type: "model_update",
        action: "model.promotion_approved",
        outcome: "success",
        resource: r.resource,
        metadata: { requestId: r.requestId, to, role: roles[i], comment, artifactDigest: r.current.digest, imported: true },
      },
    });
  }
  return approvers.map(({ p }, i) => ({ role: roles[i]!, userId: p.id }));
}

async function applyStep(tx: Transaction, c: Ctx & { plan: ModelPlan; v: VersionPlan; s: StepPlan }) {
  const { v, s } = c;
  const done = c.ago(s.daysAgo);
  const r = await insertRequest(
    tx,
    c,
    v,
    s.to,
    s.requester ?? defaultRequester(s.to),
    c.ago(s.daysAgo + 2),
    s.justification ?? `Evaluation for ${s.to} reviewed; ready to move.`,
    null,
  );
  if (s.rejectedBy) {
    const p = c.person(s.rejectedBy);
    const check = checkDecision(r.snapshot, { id: p.id, roles: p.roles }, "reject");
    if (!check.ok) throw new Error(`seed: ${s.rejectedBy} cannot reject: ${check.message}`);
    await tx.insert(promotionDecisions).values({
      requestId: r.requestId,
      decidedBy: p.id,
      decision: "reject",
      role: check.role,
      comment: s.comment!,
      artifactDigest: r.current.digest,
      createdAt: done,
    });
    await tx
      .update(promotionRequests)
      .set({ status: "rejected", closedAt: done, closedBy: p.id, closeReason: s.comment! })
      .where(eq(promotionRequests.id, r.requestId));
    c.events.push({
      at: done,
      actor: p.id,
      event: {
        type: "model_update",
        action: "model.promotion_rejected",
        outcome: "success",
        resource: r.resource,
        metadata: {
          requestId: r.requestId,
          to: s.to,
          role: check.role,
          comment: s.comment,
          before: { status: "open" },
          after: { status: "rejected" },
          imported: true,
        },
      },
    });
    return;
  }
  const emails = s.approvers ?? DEFAULT_POLICY[s.to].map((role) => demoEmail(role));
  const times = emails.map((_, i) => (i === emails.length - 1 ? done : c.ago(s.daysAgo + 1, i * 3)));
  const approvers = await approve(tx, c, r, emails, times, s.to, s.comment);
  const last = approvers.at(-1)!.userId;
  if (s.to === "production") {
    for (const [version, other] of c.state) {
      if (other.status !== "production") continue;
      await move(tx, c, version, other, "deprecated", r.requestId, "superseded", done, last, {
        supersededBy: { versionId: r.current.id, version: v.version },
      });
    }
  }
  await tx
    .update(promotionRequests)
    .set({ status: "approved", closedAt: done, closedBy: last, closeReason: "approved" })
    .where(eq(promotionRequests.id, r.requestId));
  await move(tx, c, v.version, r.current, s.to, r.requestId, "promoted", done, last, { approvers });
}

async function move(
  tx: Transaction,
  c: Ctx,
  version: string,
  current: { id: string; status: ModelStatus; digest: string },
  to: ModelStatus,
  requestId: string,
  cause: "promoted" | "superseded",
  at: Date,
  actor: string,
  extra: Record<string, unknown>,
) {
  await tx.update(modelVersions).set({ status: to, statusChangedAt: at, updatedAt: at }).where(eq(modelVersions.id, current.id));
  await tx.insert(modelVersionTransitions).values({
    modelId: c.modelId,
    versionId: current.id,
    fromStatus: current.status,
    toStatus: to,
    requestId,
    cause,
    artifactDigest: current.digest,
    actorUserId: actor,
    occurredAt: at,
  });
  c.events.push({
    at,
    actor,
    event: {
      type: "model_deployment",
      action: "model.status_changed",
      outcome: "success",
      resource: { type: "model_version", id: current.id },
      metadata: {
        requestId,
        version,
        cause,
        artifactDigest: current.digest,
        before: { status: current.status },
        after: { status: to },
        ...extra,
        imported: true,
      },
    },
  });
  current.status = to;
}

async function openRequest(tx: Transaction, c: Ctx & { v: VersionPlan; open: OpenPlan }) {
  const r = await insertRequest(
    tx,
    c,
    c.v,
    c.open.to,
    c.open.requester ?? defaultRequester(c.open.to),
    c.ago(c.open.daysAgo),
    c.open.justification,
    null,
  );
  const emails = c.open.approvedBy ?? [];
  if (emails.length > 0)
    await approve(
      tx,
      c,
      r,
      emails,
      emails.map((_, i) => c.ago(c.open.daysAgo, 2 + i * 3)),
      c.open.to,
      "Looks good from my side.",
    );
}
