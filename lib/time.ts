/**
 * Durations and UTC day arithmetic, in one place. Assay's clock is UTC throughout: days are
 * UTC calendar days, written `YYYY-MM-DD`, so the server's and an auditor's readings agree.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `n` days from `d` (negative for earlier). */
export function addDays(d: Date | number, n: number): Date {
  return new Date(new Date(d).getTime() + n * DAY_MS);
}

/** `n` hours from `d` (negative for earlier). */
export function addHours(d: Date | number, n: number): Date {
  return new Date(new Date(d).getTime() + n * HOUR_MS);
}

export function startOfUtcHour(d: Date): Date {
  return new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
}

export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

/** The UTC calendar day of `d`, `YYYY-MM-DD`. */
export function isoDay(d: Date | number): string {
  return new Date(d).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a `YYYY-MM-DD` day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The `YYYY-MM-DD` day `n` days after `day` (negative for earlier). */
export function shiftDay(day: string, n: number): string {
  return isoDay(addDays(dayStart(day), n));
}

/** Whole and fractional days between two instants (`to` − `from`). */
export function daysBetween(from: Date | number, to: Date | number): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / DAY_MS;
}

export function minutesBetween(from: Date | number, to: Date | number): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / MINUTE_MS;
}
