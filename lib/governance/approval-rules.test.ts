import { describe, expect, it } from "vitest";
import { approvableRoles, checkDecision, isComplete, remainingRoles, type DecisionRecord, type RequestSnapshot } from "./approval-rules";

const D = "sha256:" + "a".repeat(64);
const request = (decisions: DecisionRecord[] = [], extra: Partial<RequestSnapshot> = {}): RequestSnapshot => ({
  status: "open",
  requestedBy: "req",
  requiredRoles: ["ml_lead", "security_lead", "product_owner"],
  artifactDigest: D,
  decisions,
  ...extra,
});
const approve = (by: string, role: string, extra: Partial<DecisionRecord> = {}): DecisionRecord => ({
  decidedBy: by,
  decision: "approve",
  role,
  artifactDigest: D,
  voided: false,
  ...extra,
});

describe("checkDecision", () => {
  it("refuses the requester, even when they hold a required role", () => {
    expect(checkDecision(request(), { id: "req", roles: ["ml_lead"] }, "approve")).toMatchObject({ ok: false, reason: "own_request" });
    expect(checkDecision(request(), { id: "req", roles: ["ml_lead"] }, "reject")).toMatchObject({ ok: false, reason: "own_request" });
  });

  it("refuses a closed request before anything else", () => {
    for (const status of ["approved", "rejected", "cancelled"] as const) {
      expect(checkDecision(request([], { status }), { id: "req", roles: [] }, "approve")).toMatchObject({
        ok: false,
        reason: "request_closed",
      });
    }
  });

  it("lets a person decide once", () => {
    const r = request([approve("lena", "ml_lead")]);
    expect(checkDecision(r, { id: "lena", roles: ["ml_lead", "security_lead"] }, "approve")).toMatchObject({
      ok: false,
      reason: "already_decided",
    });
    expect(checkDecision(r, { id: "lena", roles: ["ml_lead"] }, "reject")).toMatchObject({ ok: false, reason: "already_decided" });
  });

  it("lets one person with two required roles fill one of them, and not the other", () => {
    const twoHats = { id: "jordan", roles: ["ml_lead", "security_lead"] as const };
    const first = checkDecision(request(), { ...twoHats, roles: [...twoHats.roles] }, "approve");
    expect(first).toEqual({ ok: true, role: "ml_lead" });
    const after = request([approve("jordan", "ml_lead")]);
    expect(checkDecision(after, { ...twoHats, roles: [...twoHats.roles] }, "approve")).toMatchObject({
      ok: false,
      reason: "already_decided",
    });
    expect(remainingRoles(after)).toEqual(["security_lead", "product_owner"]);
  });

  it("fills the role the person chose when they hold several", () => {
    expect(checkDecision(request(), { id: "j", roles: ["ml_lead", "security_lead"] }, "approve", "security_lead")).toEqual({
      ok: true,
      role: "security_lead",
    });
    expect(checkDecision(request(), { id: "j", roles: ["ml_lead"] }, "approve", "security_lead")).toMatchObject({
      ok: false,
      reason: "role_not_held",
    });
  });

  it("refuses someone holding no required role, and a role someone else filled", () => {
    expect(checkDecision(request(), { id: "q", roles: ["qa_lead", "auditor"] }, "approve")).toMatchObject({
      ok: false,
      reason: "not_an_approver",
    });
    const r = request([approve("lena", "ml_lead")]);
    expect(checkDecision(r, { id: "other-lead", roles: ["ml_lead"] }, "approve")).toMatchObject({ ok: false, reason: "roles_filled" });
    // …who may still reject: any holder of a required role can stop a promotion.
    expect(checkDecision(r, { id: "other-lead", roles: ["ml_lead"] }, "reject")).toEqual({ ok: true, role: "ml_lead" });
  });

  it("does not count voided approvals or approvals of another artifact", () => {
    const r = request([
      approve("lena", "ml_lead", { voided: true }),
      approve("sam", "security_lead", { artifactDigest: "sha256:" + "b".repeat(64) }),
    ]);
    expect(remainingRoles(r)).toEqual(["ml_lead", "security_lead", "product_owner"]);
    // A voided decision no longer counts as deciding: the person may approve the new artifact.
    expect(checkDecision(r, { id: "lena", roles: ["ml_lead"] }, "approve")).toEqual({ ok: true, role: "ml_lead" });
  });

  it("is complete when every required role is filled by a different person", () => {
    expect(isComplete(request([approve("a", "ml_lead"), approve("b", "security_lead")]))).toBe(false);
    expect(isComplete(request([approve("a", "ml_lead"), approve("b", "security_lead"), approve("c", "product_owner")]))).toBe(true);
  });

  it("lists the roles a person could still approve in", () => {
    expect(approvableRoles(request([approve("a", "ml_lead")]), { id: "j", roles: ["ml_lead", "security_lead", "product_owner"] })).toEqual([
      "security_lead",
      "product_owner",
    ]);
    expect(approvableRoles(request(), { id: "req", roles: ["ml_lead"] })).toEqual([]);
  });
});
