import type { Role } from "@/lib/auth/permissions";
import type { RequestStatus } from "./lifecycle";

/**
 * The separation-of-duties rules (DESIGN.md invariant 4), as pure functions over a request
 * and its decisions, so that every rule has a unit test. The service applies them under
 * the request's row lock; the partial unique indexes on promotion_decisions back them up.
 */
export type DecisionRecord = {
  decidedBy: string;
  decision: "approve" | "reject";
  role: string | null;
  artifactDigest: string;
  voided: boolean;
};

export type RequestSnapshot = {
  status: RequestStatus;
  requestedBy: string;
  requiredRoles: Role[];
  /** The digest approvals are bound to: the version's artifact when the request last changed. */
  artifactDigest: string;
  decisions: DecisionRecord[];
};

export type Decider = { id: string; roles: readonly Role[] };

export type RefusalReason = "request_closed" | "own_request" | "already_decided" | "not_an_approver" | "roles_filled" | "role_not_held";

export type Eligibility = { ok: true; role: Role } | { ok: false; reason: RefusalReason; message: string };

/** Decisions that still count: not voided, and made on the artifact the request is bound to. */
export function activeDecisions(request: RequestSnapshot): DecisionRecord[] {
  return request.decisions.filter((d) => !d.voided && d.artifactDigest === request.artifactDigest);
}

/** Required role → the person who filled it. */
export function filledRoles(request: RequestSnapshot): Map<Role, string> {
  const filled = new Map<Role, string>();
  for (const d of activeDecisions(request)) {
    if (d.decision === "approve" && d.role && request.requiredRoles.includes(d.role as Role)) filled.set(d.role as Role, d.decidedBy);
  }
  return filled;
}

export function remainingRoles(request: RequestSnapshot): Role[] {
  const filled = filledRoles(request);
  return request.requiredRoles.filter((role) => !filled.has(role));
}

export function isComplete(request: RequestSnapshot): boolean {
  return remainingRoles(request).length === 0;
}

/**
 * Whether this person may approve (filling which role) or reject. The order of the checks
 * is the order of the messages a person most needs: closed, yours, already decided, roles.
 */
export function checkDecision(request: RequestSnapshot, who: Decider, kind: "approve" | "reject", wanted?: Role): Eligibility {
  if (request.status !== "open") {
    return { ok: false, reason: "request_closed", message: `This request is ${request.status}: it takes no more decisions.` };
  }
  if (request.requestedBy === who.id) {
    const message =
      kind === "approve"
        ? "You opened this request, so you cannot approve it: someone else must hold each required role."
        : "You opened this request: cancel it instead of rejecting it.";
    return { ok: false, reason: "own_request", message };
  }
  if (request.decisions.some((d) => !d.voided && d.decidedBy === who.id)) {
    return { ok: false, reason: "already_decided", message: "You have already decided on this request; a person decides once." };
  }
  const held = request.requiredRoles.filter((role) => who.roles.includes(role));
  if (held.length === 0) {
    return { ok: false, reason: "not_an_approver", message: "None of your roles is required on this request." };
  }
  if (wanted && !held.includes(wanted)) {
    return { ok: false, reason: "role_not_held", message: "You do not hold the role you chose, or it is not required here." };
  }
  const open = remainingRoles(request).filter((role) => held.includes(role));
  if (kind === "reject") return { ok: true, role: wanted ?? open[0] ?? held[0]! };
  if (wanted) {
    return open.includes(wanted)
      ? { ok: true, role: wanted }
      : { ok: false, reason: "roles_filled", message: "Someone else has already approved in that role." };
  }
  return open.length > 0
    ? { ok: true, role: open[0]! }
    : { ok: false, reason: "roles_filled", message: "Every required role you hold has already been filled by someone else." };
}

/** Roles this person could still approve in (the "Approve as" choice). */
export function approvableRoles(request: RequestSnapshot, who: Decider): Role[] {
  const first = checkDecision(request, who, "approve");
  if (!first.ok) return [];
  return remainingRoles(request).filter((role) => who.roles.includes(role));
}
