import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  endOfISOWeek,
  endOfMonth,
  endOfQuarter,
  format,
  getDaysInMonth,
  parseISO,
  setDate,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
} from "date-fns";
import type { Frequency } from "./vocabulary";

/**
 * Schedule generation: pure, no I/O. Days are ISO `YYYY-MM-DD` strings (a test is due on a
 * calendar day, not at an instant), so lexical order is date order and no time zone enters.
 * Calendar arithmetic is date-fns's (month lengths, leap years, ISO weeks), always counted
 * from an interval's own start rather than by adding to the previous result, so a due day
 * clamped in February does not drift to the 28th for the rest of the year.
 *
 * Intervals: a week is an ISO week (Monday–Sunday), a month a calendar month, a quarter a
 * calendar quarter; a year is the audit year, counted from the period's first day (so a
 * twelve-month period has one annual test wherever it starts). Intervals that stick out of
 * the period are cut to it. A test is due on the control's due day of its interval's last
 * month, clamped to that month's length (due day 31 in a 30-day month is the 30th) and to
 * the interval; a weekly test is due on the week's last day.
 */
export type Day = string;
export type Period = { startsOn: Day; endsOn: Day };
export type ScheduleRule = { frequency: Frequency; dueDay: number };
export type Slot = { windowStart: Day; windowEnd: Day; dueOn: Day };

const toDate = (day: Day) => parseISO(day);
export const toDay = (date: Date): Day => format(date, "yyyy-MM-dd");
export const nextDay = (day: Day): Day => toDay(addDays(toDate(day), 1));
export const previousDay = (day: Day): Day => toDay(addDays(toDate(day), -1));
const maxDay = (a: Day, b: Day) => (a > b ? a : b);
const minDay = (a: Day, b: Day) => (a < b ? a : b);

type Nominal = { start: Date; end: Date };

/** The k-th interval of the frequency, counted from the one containing `origin`. */
function nominalInterval(frequency: Frequency, origin: Date, k: number): Nominal {
  switch (frequency) {
    case "weekly": {
      const start = addWeeks(startOfISOWeek(origin), k);
      return { start, end: endOfISOWeek(start) };
    }
    case "monthly": {
      const start = addMonths(startOfMonth(origin), k);
      return { start, end: endOfMonth(start) };
    }
    case "quarterly": {
      const start = addQuarters(startOfQuarter(origin), k);
      return { start, end: endOfQuarter(start) };
    }
    case "annually": {
      // From the anchor each time: 29 Feb + 1 year is 28 Feb, + 4 years is 29 Feb again.
      return { start: addYears(origin, k), end: addDays(addYears(origin, k + 1), -1) };
    }
  }
}

function nominalDue(frequency: Frequency, dueDay: number, interval: Nominal): Day {
  if (frequency === "weekly") return toDay(interval.end);
  const lastMonth = startOfMonth(interval.end);
  return toDay(setDate(lastMonth, Math.min(dueDay, getDaysInMonth(lastMonth))));
}

/** Every test of one control in the period, in date order. */
export function generateSlots(period: Period, rule: ScheduleRule): Slot[] {
  if (period.endsOn < period.startsOn) return [];
  const origin = toDate(period.startsOn);
  const slots: Slot[] = [];
  for (let k = 0; ; k++) {
    const interval = nominalInterval(rule.frequency, origin, k);
    const start = toDay(interval.start);
    if (start > period.endsOn) break;
    const windowStart = maxDay(start, period.startsOn);
    const windowEnd = minDay(toDay(interval.end), period.endsOn);
    const due = nominalDue(rule.frequency, rule.dueDay, interval);
    slots.push({ windowStart, windowEnd, dueOn: minDay(maxDay(due, windowStart), windowEnd) });
  }
  return slots;
}

/**
 * The same for many controls. Controls share a handful of (frequency, due day) rules, so
 * each rule's slots are computed once: a thousand controls cost a few dozen generations.
 */
export function generateSchedule<C extends ScheduleRule>(period: Period, controls: readonly C[]): { control: C; slots: Slot[] }[] {
  const byRule = new Map<string, Slot[]>();
  return controls.map((control) => {
    const key = `${control.frequency}:${control.dueDay}`;
    let slots = byRule.get(key);
    if (!slots) byRule.set(key, (slots = generateSlots(period, control)));
    return { control, slots };
  });
}

export type ExistingOccurrence = Slot & { id: string; recorded: boolean };

/**
 * What to change so that a control's schedule in a period follows its current rule:
 * occurrences that have not started yet (window starts after `today`) and have no result
 * are replaced if the rule now gives a different slot; everything started or recorded stays
 * as it is, and new slots fill only the days no remaining occurrence covers. Running it
 * again on its own outcome changes nothing (idempotent regeneration).
 */
export function planSchedule(
  period: Period,
  rule: ScheduleRule,
  existing: readonly ExistingOccurrence[],
  today: Day,
  desired: readonly Slot[] = generateSlots(period, rule),
): { remove: string[]; add: Slot[] } {
  const movable = (o: ExistingOccurrence) => !o.recorded && o.windowStart > today;
  const fixed = existing.filter((o) => !movable(o)).sort((a, b) => (a.windowStart < b.windowStart ? -1 : 1));
  // The schedule the rule wants around what cannot move; it depends only on `fixed`, so a
  // second run finds every piece already in place.
  const wanted: Slot[] = [];
  for (const slot of desired) {
    for (const piece of uncovered(slot, fixed))
      wanted.push({ ...piece, dueOn: minDay(maxDay(slot.dueOn, piece.windowStart), piece.windowEnd) });
  }
  const key = (s: Slot) => `${s.windowStart}/${s.windowEnd}/${s.dueOn}`;
  const present = new Set(existing.filter(movable).map(key));
  const wantedKeys = new Set(wanted.map(key));
  return {
    remove: existing.filter((o) => movable(o) && !wantedKeys.has(key(o))).map((o) => o.id),
    add: wanted.filter((s) => !present.has(key(s))),
  };
}

/** The parts of a slot's window that no kept occurrence covers (kept sorted by start). */
function uncovered(slot: Slot, kept: readonly Slot[]): { windowStart: Day; windowEnd: Day }[] {
  const pieces: { windowStart: Day; windowEnd: Day }[] = [];
  let cursor = slot.windowStart;
  for (const k of kept) {
    if (k.windowEnd < cursor || k.windowStart > slot.windowEnd) continue;
    if (k.windowStart > cursor) pieces.push({ windowStart: cursor, windowEnd: previousDay(k.windowStart) });
    cursor = maxDay(cursor, nextDay(k.windowEnd));
    if (cursor > slot.windowEnd) return pieces;
  }
  if (cursor <= slot.windowEnd) pieces.push({ windowStart: cursor, windowEnd: slot.windowEnd });
  return pieces;
}

/**
 * The interval of the frequency that contains `day`, outside any period (the promotion
 * gate's fallback when no audit period covers today). A year here is the calendar year.
 */
export function intervalContaining(frequency: Frequency, day: Day): { start: Day; end: Day } {
  const date = toDate(day);
  if (frequency === "annually") return { start: `${day.slice(0, 4)}-01-01`, end: `${day.slice(0, 4)}-12-31` };
  const interval = nominalInterval(frequency, date, 0);
  return { start: toDay(interval.start), end: toDay(interval.end) };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round(
    (Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) -
      Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))) /
      86_400_000,
  );
}

/** The calendar month containing a day, as its first and last days. */
export function monthRange(month: string): { start: Day; end: Day } {
  const start = toDate(`${month}-01`);
  return { start: toDay(start), end: toDay(endOfMonth(start)) };
}

export function addMonthsTo(month: string, n: number): string {
  return format(addMonths(toDate(`${month}-01`), n), "yyyy-MM");
}
