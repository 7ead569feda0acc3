import type { Day } from "./schedule";

/**
 * Today's calendar day for due dates and states. Days are UTC days, like every other time
 * Assay shows, so two app instances in different zones agree on what is overdue.
 */
export function todayUtc(now = new Date()): Day {
  return now.toISOString().slice(0, 10);
}
