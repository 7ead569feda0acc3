import type { SampleStatus } from "../vocabulary";

/**
 * When an automatic incident opens and resolves, as a pure function of a service's streak
 * and its new samples (oldest first, all newer than the streak's last sample). A down sample
 * is a failure; healthy and degraded ones are successes (a degraded service answers).
 * Samples inside maintenance are neutral: they neither extend nor break a streak.
 *
 * An open incident a person opened by hand is theirs to resolve: failures extend it (no
 * second incident opens) and successes do not close it.
 */
export type StreakState = {
  lastSampleAt: Date | null;
  lastStatus: SampleStatus | null;
  streakSince: Date | null;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
};

export type OpenIncident = "none" | "auto" | "manual";

export type Thresholds = { failuresToOpen: number; successesToResolve: number };

export type StreakSample = { observedAt: Date; status: SampleStatus; inMaintenance: boolean };

export type IncidentTransition =
  | { kind: "open"; startedAt: Date; detectedAt: Date; failures: number }
  | { kind: "resolve"; resolvedAt: Date; confirmedAt: Date; successes: number };

export function advanceStreak(
  state: StreakState,
  samples: readonly StreakSample[],
  thresholds: Thresholds,
  open: OpenIncident,
): { state: StreakState; open: OpenIncident; transitions: IncidentTransition[] } {
  let s = { ...state };
  let current = open;
  const transitions: IncidentTransition[] = [];
  for (const sample of samples) {
    if (s.lastSampleAt && sample.observedAt <= s.lastSampleAt) continue;
    s.lastSampleAt = sample.observedAt;
    s.lastStatus = sample.status;
    if (sample.inMaintenance) continue;
    if (sample.status === "down") {
      if (s.consecutiveFailures === 0) s.streakSince = sample.observedAt;
      s = { ...s, consecutiveFailures: s.consecutiveFailures + 1, consecutiveSuccesses: 0 };
      if (current === "none" && s.consecutiveFailures >= thresholds.failuresToOpen) {
        transitions.push({ kind: "open", startedAt: s.streakSince!, detectedAt: sample.observedAt, failures: s.consecutiveFailures });
        current = "auto";
      }
    } else {
      if (s.consecutiveSuccesses === 0) s.streakSince = sample.observedAt;
      s = { ...s, consecutiveSuccesses: s.consecutiveSuccesses + 1, consecutiveFailures: 0 };
      if (current === "auto" && s.consecutiveSuccesses >= thresholds.successesToResolve) {
        transitions.push({
          kind: "resolve",
          resolvedAt: s.streakSince!,
          confirmedAt: sample.observedAt,
          successes: s.consecutiveSuccesses,
        });
        current = "none";
      }
    }
  }
  return { state: s, open: current, transitions };
}
