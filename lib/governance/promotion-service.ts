import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { approvalPolicies, promotionDecisions, promotionRequests } from "@/db/schema";
import { recordAudit, recordAuditEvents } from "@/lib/audit/append";
import type { AuditEventInput } from "@/lib/audit/vocabulary";
import { auditActor, type RequestContext, type SessionUser } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { checkDecision, filledRoles, isComplete, type RefusalReason } from "./approval-rules";
import { evaluateGates } from "./gates";
import { isValidTransition } from "./lifecycle";
import { lockAndLoadDecisionContext } from "./decision-context";
import { loadSnapshot, type RequestRow } from "./loaders";
import { lockRequest, lockVersion } from "./locks";
import { promote } from "./promote";
import { refuse } from "./refusal";
import type { ApproveRequestInput, RejectRequestInput, RequestIdInput, RequestPromotionInput } from "./schemas";

/** Promotion request verbs. Run each through governed(): refusals are audited after rollback. */

const versionResource = (id: string) => ({ type: "model_version", id });

function signedIn(ctx: RequestContext): SessionUser {
  if (!ctx.user) throw new AppError("unauthenticated", "Sign in to continue.");
  return ctx.user;
}

export async function requestPromotion(tx: Transaction, ctx: RequestContext, input: RequestPromotionInput) {
  const user = signedIn(ctx);
  const version = await lockVersion(tx, input.versionId);
  const action = "model.promotion_requested";
  const resource = versionResource(version.id);
  if (!isValidTransition(version.status, input.toStatus)) {
    refuse("conflict", `A ${version.status} version cannot move to ${input.toStatus}: versions move one step forward at a time.`, {
      action,
      resource,
      reason: "invalid_transition",
      metadata: { from: version.status, to: input.toStatus },
    });
  }
  const [open] = await tx
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(and(eq(promotionRequests.versionId, version.id), eq(promotionRequests.status, "open")));
  if (open)
    refuse("conflict", "This version already has an open promotion request.", {
      action,
      resource,
      reason: "request_already_open",
      metadata: { openRequestId: open.id },
    });
  const [policy] = await tx
    .select({ roles: approvalPolicies.requiredRoles })
    .from(approvalPolicies)
    .where(eq(approvalPolicies.toStatus, input.toStatus));
  if (!policy) throw new Error(`no approval policy for ${input.toStatus}: is the migration applied?`);
  const [request] = await tx
    .insert(promotionRequests)
    .values({
      modelId: version.modelId,
      versionId: version.id,
      fromStatus: version.status,
      toStatus: input.toStatus,
      requiredRoles: policy.roles,
      artifactDigest: version.artifactDigest,
      justification: input.justification,
      requestedBy: user.id,
    })
    .returning({ id: promotionRequests.id });
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    action,
    outcome: "success",
    resource,
    metadata: {
      requestId: request!.id,
      version: version.version,
      before: null,
      after: {
        status: "open",
        from: version.status,
        to: input.toStatus,
        requiredRoles: policy.roles,
        artifactDigest: version.artifactDigest,
        justification: input.justification,
      },
    },
  });
  return { id: request!.id, requiredRoles: policy.roles };
}

export async function cancelRequest(tx: Transaction, ctx: RequestContext, input: RequestIdInput) {
  const user = signedIn(ctx);
  const request = await lockRequest(tx, input.requestId);
  const ref = { action: "model.promotion_cancelled", resource: versionResource(request.versionId), metadata: { requestId: request.id } };
  if (request.status !== "open") refuse("conflict", `This request is already ${request.status}.`, { ...ref, reason: "request_closed" });
  if (request.requestedBy !== user.id)
    refuse("forbidden", "Only the person who opened a request can cancel it.", { ...ref, reason: "not_requester" });
  await close(tx, request, "cancelled", user.id, "cancelled by requester");
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    outcome: "success",
    ...ref,
    metadata: { ...ref.metadata, before: { status: "open" }, after: { status: "cancelled" } },
  });
}

/** Which refusals are "not yours to decide" (access_denied) rather than a rule failure. */
const FORBIDDEN: RefusalReason[] = ["own_request", "not_an_approver", "role_not_held"];

export async function approveRequest(tx: Transaction, ctx: RequestContext, input: ApproveRequestInput) {
  const user = signedIn(ctx);
  const context = await lockAndLoadDecisionContext(tx, input.requestId);
  if (!context) throw new AppError("not_found", "No such promotion request.");
  const { request, snapshot, version, gateInput, currentProduction } = context;
  const action = "model.promotion_approved";
  const ref = { action, resource: versionResource(request.versionId), metadata: { requestId: request.id, to: request.toStatus } };
  const check = checkDecision(snapshot, user, "approve", input.role);
  if (!check.ok) refuse(FORBIDDEN.includes(check.reason) ? "forbidden" : "conflict", check.message, { ...ref, reason: check.reason });

  if (version.status !== request.fromStatus || !isValidTransition(version.status, request.toStatus)) {
    refuse("conflict", `The version is now ${version.status}, so it cannot move to ${request.toStatus}.`, {
      ...ref,
      reason: "invalid_transition",
    });
  }
  if (version.artifactDigest !== request.artifactDigest) {
    refuse("conflict", "The version's artifact changed after this request was opened. Reload the page.", {
      ...ref,
      reason: "artifact_changed",
    });
  }
  const gates = await evaluateGates(gateInput(tx));
  const failed = gates.filter((g) => !g.passed);
  if (failed.length > 0) {
    refuse(
      "conflict",
      `Blocked by ${failed.length === 1 ? "a failing check" : `${failed.length} failing checks`}: ${failed.map((g) => g.detail).join(" ")}`,
      {
        ...ref,
        reason: "gate_failed",
        metadata: { ...ref.metadata, gates: gates.map(({ id, passed, detail }) => ({ id, passed, detail })) },
      },
    );
  }
  const before = Object.fromEntries(filledRoles(snapshot));
  await tx.insert(promotionDecisions).values({
    requestId: request.id,
    decidedBy: user.id,
    decision: "approve",
    role: check.role,
    comment: input.comment,
    artifactDigest: request.artifactDigest,
  });
  snapshot.decisions.push({
    decidedBy: user.id,
    decision: "approve",
    role: check.role,
    artifactDigest: request.artifactDigest,
    voided: false,
  });
  const events: AuditEventInput[] = [
    {
      type: "model_update",
      action,
      outcome: "success",
      resource: ref.resource,
      metadata: {
        ...ref.metadata,
        role: check.role,
        comment: input.comment,
        artifactDigest: request.artifactDigest,
        gates: gates.map(({ id, passed, inputs }) => ({ id, passed, inputs })),
        before: { approvals: before },
        after: { approvals: Object.fromEntries(filledRoles(snapshot)) },
      },
    },
  ];
  // The last required approval promotes, in this same transaction (invariant 4).
  const complete = isComplete(snapshot);
  if (complete) events.push(...(await promote(tx, ctx, request, version, filledRoles(snapshot), currentProduction)));
  await recordAuditEvents(tx, auditActor(ctx), events);
  return { role: check.role, promoted: complete, toStatus: request.toStatus };
}

export async function rejectRequest(tx: Transaction, ctx: RequestContext, input: RejectRequestInput) {
  const user = signedIn(ctx);
  const request = await lockRequest(tx, input.requestId);
  const snapshot = await loadSnapshot(tx, request);
  const ref = {
    action: "model.promotion_rejected",
    resource: versionResource(request.versionId),
    metadata: { requestId: request.id, to: request.toStatus },
  };
  const check = checkDecision(snapshot, user, "reject");
  if (!check.ok) refuse(FORBIDDEN.includes(check.reason) ? "forbidden" : "conflict", check.message, { ...ref, reason: check.reason });
  await tx.insert(promotionDecisions).values({
    requestId: request.id,
    decidedBy: user.id,
    decision: "reject",
    role: check.role,
    comment: input.comment,
    artifactDigest: request.artifactDigest,
  });
  // Any rejection closes the request.
  await close(tx, request, "rejected", user.id, input.comment);
  await recordAudit(tx, auditActor(ctx), {
    type: "model_update",
    outcome: "success",
    ...ref,
    metadata: { ...ref.metadata, role: check.role, comment: input.comment, before: { status: "open" }, after: { status: "rejected" } },
  });
}

async function close(tx: Transaction, request: RequestRow, status: "rejected" | "cancelled", by: string, reason: string) {
  await tx
    .update(promotionRequests)
    .set({ status, closedAt: sql`now()`, closedBy: by, closeReason: reason })
    .where(eq(promotionRequests.id, request.id));
}
