import { describe, expect, it } from "vitest";
import { describeHistoryEvent } from "./history-text";

const A = "sha256:" + "a".repeat(64);
const B = "sha256:" + "b".repeat(64);

describe("describeHistoryEvent", () => {
  it("phrases each successful step", () => {
    expect(
      describeHistoryEvent("model.promotion_requested", "success", { after: { to: "production", justification: "Beats 1.0" } }),
    ).toEqual({ title: "Promotion to production requested", detail: "Beats 1.0", tone: "accent" });
    expect(describeHistoryEvent("model.promotion_approved", "success", { role: "security_lead", comment: "" })).toEqual({
      title: "Approved as Security lead",
      detail: null,
      tone: "green",
    });
    expect(describeHistoryEvent("model.promotion_rejected", "success", { role: "qa_lead", comment: "Fails holdout" })).toMatchObject({
      title: "Rejected as QA lead",
      detail: "Fails holdout",
    });
    expect(
      describeHistoryEvent("model.status_changed", "success", {
        before: { status: "production" },
        after: { status: "deprecated" },
        cause: "superseded",
        supersededBy: { version: "2.0.0" },
      }),
    ).toEqual({
      title: "Status: production → deprecated",
      detail: "Superseded by version 2.0.0",
      tone: "green",
    });
  });

  it("shows artifact replacements with both digests and the voided approvals", () => {
    expect(
      describeHistoryEvent("model.artifact_replaced", "success", {
        before: { artifactDigest: A },
        after: { artifactDigest: B },
        voidedApprovals: [{}, {}],
      }),
    ).toEqual({
      title: "Artifact replaced",
      detail: "sha256:aaaaaaaaaaaa… → sha256:bbbbbbbbbbbb…; 2 approvals voided",
      tone: "amber",
    });
  });

  it("shows refusals with the message the person saw", () => {
    expect(
      describeHistoryEvent("model.promotion_approved", "denied", { reason: "own_request", message: "You opened this request" }),
    ).toEqual({ title: "Refused (promotion approved)", detail: "You opened this request", tone: "amber" });
    expect(describeHistoryEvent("model.promotion_requested", "failure", { reason: "invalid_transition" })).toMatchObject({
      tone: "red",
      detail: "invalid_transition",
    });
  });
});
