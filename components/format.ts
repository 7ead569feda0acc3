/**
 * Display formats, shared by server and client components. Times are UTC, written out, so
 * the server's and the browser's renderings agree and an auditor reads one zone throughout.
 * An absent value is an em dash.
 */
const DASH = "—";

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

type Instant = Date | string | number;
const iso = (value: Instant) => (typeof value === "string" ? new Date(value).toISOString() : new Date(value).toISOString());

/**
 * "2025-03-04 13:05 UTC" (minute, the default), "2025-03-04 13:05:09 UTC" (second) or
 * "2025-03-04" (day).
 */
export function formatUtc(value: Instant | null | undefined, precision: "minute" | "second" | "day" = "minute"): string {
  if (value === null || value === undefined || value === "") return DASH;
  const text = iso(value);
  if (precision === "day") return text.slice(0, 10);
  return `${text.slice(0, 10)} ${text.slice(11, precision === "second" ? 19 : 16)} UTC`;
}

/** A calendar day, "2025-03-04". */
export function formatDate(value: Instant | null | undefined): string {
  return formatUtc(value, "day");
}

/** A short wall-clock span: "850 ms", "4.2 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A latency: "85 ms", "1.25 s", "12.5 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
}

/** A figure in minutes for a tile: "45 min", "1 h 5 min", "2 d 3 h", "12 d"; under a minute "< 1 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return minutes <= 0 ? "0 min" : "< 1 min";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  // Past ten days the hours are noise (and do not fit a tile).
  return h % 24 === 0 || d >= 10 ? `${d} d` : `${d} d ${h % 24} h`;
}

export function formatHours(hours: number): string {
  return formatMinutes(hours * 60);
}

/** An elapsed time to the second under a minute, for timelines: "40 s", "45 min", "3 h 12 min", "2 d 4 h". */
export function formatElapsed(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return DASH;
  if (minutes < 1) return `${Math.max(0, Math.round(minutes * 60))} s`;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const total = Math.round(minutes);
  if (total < 24 * 60) return `${Math.floor(total / 60)} h ${total % 60} min`;
  const hours = Math.round(total / 60);
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/**
 * A percentage truncated, never rounded up: 99.996 shows as "99.99%", not as a perfect
 * "100.00%". Digits default to 2 (1 between 10 and 99).
 */
export function formatPercent(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return value < 0 ? "−∞%" : "∞%";
  const d = digits ?? (Math.abs(value) >= 99 ? 2 : Math.abs(value) >= 10 ? 1 : 2);
  const f = 10 ** d;
  const cut = value >= 0 ? Math.floor(value * f) / f : -Math.floor(-value * f) / f;
  const text = cut === 100 || cut === 0 ? String(cut) : cut.toFixed(d);
  return `${text.replace("-", "−")}%`;
}

/** A percentage with a fixed number of digits (rounded), or a dash. */
export function formatFixedPercent(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? DASH : `${value.toFixed(digits)}%`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** `snake_case` vocabulary as words: "in_progress" → "In progress". */
export function humanize(value: string): string {
  return value.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}
