import { describe, expect, it } from "vitest";
import { checkCounts, formatTable, playwrightCounts, summaryLine, sumCounts, vitestCounts } from "./test-counts.mjs";

describe("vitestCounts", () => {
  it("reads Vitest's JSON report", () => {
    const report = { numPassedTests: 7, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1 };
    expect(vitestCounts(report, 1)).toEqual({ passed: 7, failed: 2, skipped: 2 });
  });

  it("counts a failure when the run failed without a failing test (a file that did not load)", () => {
    expect(vitestCounts({ numPassedTests: 3, numFailedTests: 0 }, 1)).toEqual({ passed: 3, failed: 1, skipped: 0 });
    expect(vitestCounts(null, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe("playwrightCounts", () => {
  it("counts flaky tests as passed", () => {
    const report = { stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 } };
    expect(playwrightCounts(report, 1)).toEqual({ passed: 5, failed: 1, skipped: 2 });
  });

  it("counts a failure when the web server never started", () => {
    expect(playwrightCounts({ stats: { expected: 0, unexpected: 0 }, errors: [{}] }, 1).failed).toBe(1);
  });
});

describe("summary", () => {
  it("ends with the plain line CI reads, mentioning skipped tests only when there are some", () => {
    const total = sumCounts([checkCounts(0), checkCounts(1), { passed: 3, failed: 0, skipped: 0 }]);
    expect(summaryLine(total)).toBe("4 passed, 1 failed");
    expect(summaryLine({ ...total, skipped: 2 })).toBe("4 passed, 1 failed, 2 skipped");
  });

  it("prints a row per layer and a total", () => {
    const table = formatTable(
      [
        { name: "lint", status: "passed", counts: checkCounts(0), ms: 1200 },
        { name: "e2e", status: "not run", counts: null, ms: null, note: "build failed" },
      ],
      5000,
    );
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^lint\s+passed\s+1\s+0\s+0\s+1\.2s$/);
    expect(lines[2]).toMatch(/^e2e\s+not run\s+-\s+-\s+-\s+-\s+build failed$/);
    expect(lines[3]).toMatch(/^total\s+1\s+0\s+0\s+5\.0s$/);
  });
});
