import { describe, expect, it } from "vitest";
import { occurrenceState, readiness } from "./status";

describe("occurrenceState", () => {
  it("a result decides; otherwise the due date against today", () => {
    expect(occurrenceState("2026-01-10", "pass", "2026-05-01")).toBe("passed");
    expect(occurrenceState("2026-01-10", "fail", "2026-05-01")).toBe("failed");
    expect(occurrenceState("2026-01-10", "partial", "2026-05-01")).toBe("partial");
    expect(occurrenceState("2026-04-30", null, "2026-05-01")).toBe("overdue");
    expect(occurrenceState("2026-05-01", null, "2026-05-01")).toBe("due_soon");
    expect(occurrenceState("2026-05-08", null, "2026-05-01")).toBe("due_soon");
    expect(occurrenceState("2026-05-09", null, "2026-05-01")).toBe("scheduled");
    // Across New Year.
    expect(occurrenceState("2027-01-03", null, "2026-12-29")).toBe("due_soon");
  });
});

describe("readiness", () => {
  const all = {
    due: 10,
    performed: 10,
    passed: 10,
    remediations: 0,
    remediationsClosed: 0,
    checklistItems: 4,
    checklistDone: 4,
    evidenceOutside: 0,
  };

  it("is 100 when everything due was performed and passed, and the checklist is done", () => {
    expect(readiness(all).score).toBe(100);
  });

  it("weighs the parts 40/30/15/15 and takes a point per piece of evidence outside the period", () => {
    const r = readiness({
      due: 10,
      performed: 8,
      passed: 6,
      remediations: 2,
      remediationsClosed: 1,
      checklistItems: 4,
      checklistDone: 1,
      evidenceOutside: 2,
    });
    // 40·0.8 + 30·0.75 + 15·0.5 + 15·0.25 − 2 = 32 + 22.5 + 7.5 + 3.75 − 2 = 63.75
    expect(r.score).toBe(64);
    expect(r.parts.map((p) => p.weight)).toEqual([40, 30, 15, 15]);
    expect(readiness({ ...all, evidenceOutside: 50 }).score).toBe(90);
  });

  it("counts an empty part as complete rather than dividing by zero", () => {
    expect(readiness({ ...all, due: 0, performed: 0, passed: 0, checklistItems: 0, checklistDone: 0 }).score).toBe(100);
  });
});
