/**
 * The as-of picker's value: `datetime-local` has no zone, and every time on these pages is
 * UTC, so `2026-05-01T12:30` (seconds optional) means 12:30 UTC.
 */
export type AsOfParam = { state: "empty" } | { state: "invalid"; value: string; error: string } | { state: "ok"; value: string; at: Date };

export function parseAsOf(raw: string | string[] | undefined): AsOfParam {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  if (!value) return { state: "empty" };
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(value);
  const at = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 999)) : null;
  // Date.UTC rolls 2026-02-30 over to March: refuse instead of answering a different question.
  if (!m || !at || at.getUTCDate() !== +m[3]! || at.getUTCMonth() !== +m[2]! - 1 || +m[4]! > 23 || +m[5]! > 59) {
    return { state: "invalid", value, error: "Enter a date and time, e.g. 2026-05-01 12:30 (UTC)." };
  }
  return { state: "ok", value, at };
}

/** The value for the picker (UTC, to the second). */
export function toPickerValue(date: Date): string {
  return date.toISOString().slice(0, 19);
}
