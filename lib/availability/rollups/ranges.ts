import { RANGES, RANGE_LABELS, type RangeKey } from "../vocabulary";

/**
 * A time range the pages and the report read: where it starts and ends, and which rollup it
 * reads. 24 h and 7 d are rolling windows of whole hours read from the hourly rollup; 30 d,
 * 90 d and audit periods are whole UTC days (today so far included) read from the daily one.
 */
export type Grain = "hour" | "day";
export type RangeWindow = { key: string; label: string; from: Date; to: Date; grain: Grain };

const HOUR = 3_600_000;
const DAY = 86_400_000;

export function startOfUtcHour(d: Date): Date {
  return new Date(Math.floor(d.getTime() / HOUR) * HOUR);
}

export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY) * DAY);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isRangeKey(value: string | undefined): value is RangeKey {
  return value !== undefined && Object.hasOwn(RANGES, value);
}

export function rollingWindow(key: RangeKey, now: Date = new Date()): RangeWindow {
  const hours = RANGES[key];
  if (hours <= 24 * 7) {
    return { key, label: RANGE_LABELS[key], from: new Date(startOfUtcHour(now).getTime() - (hours - 1) * HOUR), to: now, grain: "hour" };
  }
  const days = hours / 24;
  return { key, label: RANGE_LABELS[key], from: new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY), to: now, grain: "day" };
}

/** Inclusive calendar days (YYYY-MM-DD), e.g. an audit period or a report's period. */
export function dayWindow(key: string, label: string, fromDay: string, toDay: string, now: Date = new Date()): RangeWindow {
  const from = new Date(`${fromDay}T00:00:00Z`);
  const end = new Date(new Date(`${toDay}T00:00:00Z`).getTime() + DAY);
  return { key, label, from, to: end < now ? end : now, grain: "day" };
}

/** The bucket starts of a window at its grain, oldest first. */
export function bucketStarts(window: RangeWindow): Date[] {
  const step = window.grain === "hour" ? HOUR : DAY;
  const out: Date[] = [];
  for (let t = window.from.getTime(); t < window.to.getTime(); t += step) out.push(new Date(t));
  return out;
}

export function bucketEnd(start: Date, grain: Grain): Date {
  return new Date(start.getTime() + (grain === "hour" ? HOUR : DAY));
}
