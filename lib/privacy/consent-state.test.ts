import { describe, expect, it } from "vitest";
import { addDays, decideConsent, grantedPurposes, type ConsentHistoryRecord } from "./consent-state";

const t0 = new Date("2026-01-01T00:00:00Z");
const rec = (id: string, status: ConsentHistoryRecord["status"], purposes: string[], at: Date, days = 365): ConsentHistoryRecord => ({
  id,
  status,
  purposes,
  recordedAt: at,
  expiresAt: addDays(at, days),
});

describe("decideConsent", () => {
  it("answers no_record for an unknown subject", () => {
    expect(decideConsent([], "model_training", t0)).toEqual({ allowed: false, reason: "no_record", recordId: null });
  });

  it("allows a granted purpose and refuses one not covered", () => {
    const history = [rec("a", "granted", ["model_training"], t0)];
    expect(decideConsent(history, "model_training", addDays(t0, 1))).toMatchObject({ allowed: true, recordId: "a" });
    expect(decideConsent(history, "marketing", addDays(t0, 1))).toMatchObject({ allowed: false, reason: "purpose_not_covered" });
  });

  it("withdrawal wins over the earlier grant, which stays as it was", () => {
    const grant = rec("a", "granted", ["model_training", "analytics"], t0);
    const history = [grant, rec("b", "withdrawn", ["model_training"], addDays(t0, 2))];
    expect(decideConsent(history, "model_training", addDays(t0, 3))).toMatchObject({ allowed: false, reason: "withdrawn", recordId: "b" });
    expect(decideConsent(history, "analytics", addDays(t0, 3))).toMatchObject({ allowed: true, recordId: "a" });
    expect(grant.status).toBe("granted");
  });

  it("expires, and a renewal after expiry allows again", () => {
    const history = [rec("a", "granted", ["evaluation"], t0, 10)];
    expect(decideConsent(history, "evaluation", addDays(t0, 10))).toMatchObject({ allowed: false, reason: "expired" });
    history.push(rec("c", "granted", ["evaluation"], addDays(t0, 20)));
    expect(decideConsent(history, "evaluation", addDays(t0, 21))).toMatchObject({ allowed: true, recordId: "c" });
  });

  it("reports a refusal", () => {
    expect(decideConsent([rec("r", "refused", ["marketing"], t0)], "marketing", t0)).toMatchObject({ allowed: false, reason: "refused" });
  });

  it("lists the purposes currently granted", () => {
    const history = [rec("a", "granted", ["evaluation", "analytics"], t0), rec("b", "withdrawn", ["analytics"], addDays(t0, 1))];
    expect(grantedPurposes(history, ["model_training", "evaluation", "analytics"], addDays(t0, 2))).toEqual(["evaluation"]);
  });
});
