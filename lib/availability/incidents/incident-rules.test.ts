import { describe, expect, it } from "vitest";
import { advanceStreak, type StreakSample, type StreakState } from "./incident-rules";
import type { SampleStatus } from "../vocabulary";

const fresh: StreakState = { lastSampleAt: null, lastStatus: null, streakSince: null, consecutiveFailures: 0, consecutiveSuccesses: 0 };
const thresholds = { failuresToOpen: 3, successesToResolve: 2 };
const t0 = Date.parse("2026-11-01T00:00:00Z");
const at = (i: number) => new Date(t0 + i * 30_000);

/** "hhddhh…" → samples 30 s apart: h healthy, g degraded, d down, m down inside maintenance. */
function samples(pattern: string, from = 0): StreakSample[] {
  return [...pattern].map((c, i) => ({
    observedAt: at(from + i),
    status: ({ h: "healthy", g: "degraded", d: "down", m: "down" } as Record<string, SampleStatus>)[c]!,
    inMaintenance: c === "m",
  }));
}

describe("advanceStreak", () => {
  it("opens an incident on the Nth consecutive failure, started at the first", () => {
    const r = advanceStreak(fresh, samples("hhddd"), thresholds, "none");
    expect(r.transitions).toEqual([{ kind: "open", startedAt: at(2), detectedAt: at(4), failures: 3 }]);
    expect(r.open).toBe("auto");
    expect(r.state).toMatchObject({
      consecutiveFailures: 3,
      consecutiveSuccesses: 0,
      lastSampleAt: at(4),
      lastStatus: "down",
      streakSince: at(2),
    });
  });

  it("does not open below the threshold, and a success resets the count", () => {
    const r = advanceStreak(fresh, samples("ddhddhdd"), thresholds, "none");
    expect(r.transitions).toEqual([]);
    expect(r.open).toBe("none");
    expect(r.state.consecutiveFailures).toBe(2);
  });

  it("counts degraded as a success: a slow service is not down", () => {
    const r = advanceStreak(fresh, samples("ddgdd"), thresholds, "none");
    expect(r.transitions).toEqual([]);
  });

  it("resolves after M successes, at the first of them", () => {
    const r = advanceStreak(fresh, samples("dddhdhg"), thresholds, "none");
    expect(r.transitions.map((t) => t.kind)).toEqual(["open", "resolve"]);
    expect(r.transitions[1]).toEqual({ kind: "resolve", resolvedAt: at(5), confirmedAt: at(6), successes: 2 });
    expect(r.open).toBe("none");
  });

  it("carries the streak across batches", () => {
    const first = advanceStreak(fresh, samples("hdd"), thresholds, "none");
    expect(first.transitions).toEqual([]);
    const second = advanceStreak(first.state, samples("dh", 3), thresholds, first.open);
    expect(second.transitions).toEqual([{ kind: "open", startedAt: at(1), detectedAt: at(3), failures: 3 }]);
  });

  it("ignores samples not newer than the last one seen (late or duplicate pushes)", () => {
    const first = advanceStreak(fresh, samples("hhhh"), thresholds, "none");
    const late = advanceStreak(first.state, samples("ddd"), thresholds, first.open);
    expect(late.transitions).toEqual([]);
    expect(late.state).toEqual(first.state);
  });

  it("treats maintenance samples as neutral: they neither open nor break a streak", () => {
    expect(advanceStreak(fresh, samples("mmmmm"), thresholds, "none").transitions).toEqual([]);
    const r = advanceStreak(fresh, samples("ddmd"), thresholds, "none");
    expect(r.transitions).toEqual([{ kind: "open", startedAt: at(0), detectedAt: at(3), failures: 3 }]);
  });

  it("never opens a second incident beside a manual one, nor resolves the manual one", () => {
    const r = advanceStreak(fresh, samples("dddddhhhh"), thresholds, "manual");
    expect(r.transitions).toEqual([]);
    expect(r.open).toBe("manual");
  });

  it("does not reopen while its own incident is open", () => {
    const r = advanceStreak(fresh, samples("dddddddd"), thresholds, "auto");
    expect(r.transitions).toEqual([]);
  });

  it("negative control: with a threshold of 1 a single failure opens", () => {
    expect(advanceStreak(fresh, samples("d"), { failuresToOpen: 1, successesToResolve: 1 }, "none").transitions).toHaveLength(1);
  });
});
