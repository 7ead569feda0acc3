// Test counts per layer and the closing summary of `npm test`. Pure functions, unit
// tested in test-counts.test.ts.
//
// Invariant: a layer whose command failed counts at least one failure, even when its
// report says otherwise or is missing (a suite that failed to load, an unhandled error,
// a web server that never started): the closing line must never read "0 failed" for a
// run that exits non-zero.

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/** @param {Counts} counts @param {number} exitCode @returns {Counts} */
function atLeastOneFailure(counts, exitCode) {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

/**
 * A layer that is one check (lint, typecheck, build, database setup).
 * @param {number} exitCode @returns {Counts}
 */
export function checkCounts(exitCode) {
  return exitCode === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

/**
 * From Vitest's JSON reporter (Jest-compatible fields); `report` is null when none was written.
 * @param {any} report @param {number} exitCode @returns {Counts}
 */
export function vitestCounts(report, exitCode) {
  const counts = {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
  return atLeastOneFailure(counts, exitCode);
}

/**
 * From Playwright's JSON reporter: `expected` passed, `unexpected` failed, `flaky`
 * passed on a retry.
 * @param {any} report @param {number} exitCode @returns {Counts}
 */
export function playwrightCounts(report, exitCode) {
  const stats = report?.stats ?? {};
  const counts = {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
  return atLeastOneFailure(counts, exitCode);
}

/** @param {Counts[]} list @returns {Counts} */
export function sumCounts(list) {
  return list.reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
}

/**
 * The closing line CI reads: `N passed, N failed`, with `, N skipped` only when some were.
 * @param {Counts} total
 */
export function summaryLine(total) {
  const line = `${total.passed} passed, ${total.failed} failed`;
  return total.skipped > 0 ? `${line}, ${total.skipped} skipped` : line;
}

/**
 * @typedef {{ name: string, status: "passed" | "failed" | "not run", counts: Counts | null,
 *             ms: number | null, note?: string }} LayerResult
 */

/** @param {number | null} ms */
function seconds(ms) {
  return ms === null ? "-" : `${(ms / 1000).toFixed(1)}s`;
}

/**
 * The per-layer table printed before the closing line.
 * @param {LayerResult[]} rows @param {number} totalMs
 */
export function formatTable(rows, totalMs) {
  const total = sumCounts(rows.flatMap((r) => (r.counts ? [r.counts] : [])));
  const cells = [
    ["layer", "result", "passed", "failed", "skipped", "time", ""],
    ...rows.map((r) => [
      r.name,
      r.status,
      ...(r.counts ? [r.counts.passed, r.counts.failed, r.counts.skipped].map(String) : ["-", "-", "-"]),
      seconds(r.ms),
      r.note ?? "",
    ]),
    ["total", "", String(total.passed), String(total.failed), String(total.skipped), seconds(totalMs), ""],
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  // Names left-aligned, numbers and times right-aligned, the note as is.
  return cells
    .map((row) =>
      row
        .map((c, i) => (i < 2 ? String(c).padEnd(widths[i] ?? 0) : i < 6 ? String(c).padStart(widths[i] ?? 0) : c))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
