import type { Grain } from "@/lib/availability/schemas";

/** The availability charts' shared styles, axes and empty state (times in UTC). */
export const axis = { fontSize: 11, fill: "#71717a" };
export const tooltip = { fontSize: 12, borderRadius: 6, borderColor: "#e4e4e7" };
export const margin = { top: 8, right: 12, bottom: 0, left: 0 };
export const legend = { fontSize: 12 };

export function tick(grain: Grain, span: number) {
  return (t: number) => {
    const iso = new Date(t).toISOString();
    if (grain === "day") return iso.slice(5, 10);
    return span <= 25 ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  };
}

export function bucketLabel(grain: Grain) {
  return (t: unknown) => {
    const iso = new Date(Number(t)).toISOString();
    return grain === "day"
      ? `${iso.slice(0, 10)} (UTC day)`
      : `${iso.slice(0, 10)} ${iso.slice(11, 16)}–${String((Number(iso.slice(11, 13)) + 1) % 24).padStart(2, "0")}:00 UTC`;
  };
}

/**
 * A lower bound that zooms into the band where most values live (the 10th percentile, so
 * one bad bucket does not flatten the rest: it still shows, running off the bottom).
 */
export function percentFloor(values: number[], quantile = 0.1): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const low = sorted[Math.floor((sorted.length - 1) * quantile)]!;
  if (low >= 100) return 99;
  const span = 100 - low;
  const step = span <= 0.5 ? 0.1 : span <= 2 ? 0.5 : span <= 10 ? 1 : 10;
  return Math.max(0, Math.floor((low - span * 0.5) / step) * step);
}

/** Round ticks from `lo` to 100, at most six. */
export function percentTicks(lo: number): number[] {
  const span = 100 - lo;
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25].find((s) => span / s <= 5) ?? 25;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= 100 + 1e-9; v += step) out.push(Number(v.toFixed(2)));
  return out;
}

export function pctTick(lo: number) {
  const span = 100 - lo;
  return (v: number) => `${span <= 1 ? v.toFixed(2) : span <= 10 ? v.toFixed(1).replace(/\.0$/, "") : Math.round(v)}%`;
}

export function EmptyChart({ height, children }: { height: number; children: React.ReactNode }) {
  return (
    <div
      style={{ height }}
      className="grid place-items-center rounded-md border border-dashed border-zinc-200 bg-zinc-50/60 text-sm text-zinc-500"
    >
      {children}
    </div>
  );
}
