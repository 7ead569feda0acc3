/**
 * Formatting for the incidents, services and report pages. Times are UTC so that the
 * server's and the browser's renderings agree (and an auditor reads one zone throughout).
 */
export function formatUtcTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const iso = typeof value === "string" ? value : value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "45 min", "3 h 12 min", "2 d 4 h": precise enough for incident durations. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  if (minutes < 1) return `${Math.max(0, Math.round(minutes * 60))} s`;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const total = Math.round(minutes);
  if (total < 24 * 60) return `${Math.floor(total / 60)} h ${total % 60} min`;
  const hours = Math.round(total / 60);
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function minutesBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 60_000;
}

export function formatPercent(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : `${value.toFixed(digits)}%`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** For a datetime-local input, in UTC (the forms say so). */
export function toUtcInputValue(d: Date): string {
  return d.toISOString().slice(0, 16);
}
