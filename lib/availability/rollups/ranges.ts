import { addDays, dayStart, DAY_MS, HOUR_MS, startOfUtcDay, startOfUtcHour } from "@/lib/time";
import { RANGES, RANGE_LABELS, type RangeKey } from "../vocabulary";

/**
 * A time range the pages and the report read: where it starts and ends, and which rollup it
 * reads. 24 h and 7 d are rolling windows of whole hours read from the hourly rollup; 30 d,
 * 90 d and audit periods are whole UTC days (today so far included) read from the daily one.
 */
export type Grain = "hour" | "day";
export type RangeWindow = { key: string; label: string; from: Date; to: Date; grain: Grain };

export function rollingWindow(key: RangeKey, now: Date = new Date()): RangeWindow {
  const hours = RANGES[key];
  if (hours <= 24 * 7) {
    return { key, label: RANGE_LABELS[key], from: new Date(startOfUtcHour(now).getTime() - (hours - 1) * HOUR_MS), to: now, grain: "hour" };
  }
  const days = hours / 24;
  return { key, label: RANGE_LABELS[key], from: addDays(startOfUtcDay(now), -(days - 1)), to: now, grain: "day" };
}

/** Inclusive calendar days (YYYY-MM-DD), e.g. an audit period or a report's period. */
export function dayWindow(key: string, label: string, fromDay: string, toDay: string, now: Date = new Date()): RangeWindow {
  const from = dayStart(fromDay);
  const end = addDays(dayStart(toDay), 1);
  return { key, label, from, to: end < now ? end : now, grain: "day" };
}

/** The bucket starts of a window at its grain, oldest first. */
export function bucketStarts(window: RangeWindow): Date[] {
  const step = window.grain === "hour" ? HOUR_MS : DAY_MS;
  const out: Date[] = [];
  for (let t = window.from.getTime(); t < window.to.getTime(); t += step) out.push(new Date(t));
  return out;
}

export function bucketEnd(start: Date, grain: Grain): Date {
  return new Date(start.getTime() + (grain === "hour" ? HOUR_MS : DAY_MS));
}
