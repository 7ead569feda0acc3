import { EVENT_TYPES } from "@/lib/audit/vocabulary";

export type VolumeRow = { day: string; type: string; count: number };
/** One bar per day: `{ day, <type>: count, … }`, every day present (zeros included). */
export type VolumeSeries = { days: Record<string, number | string>[]; types: string[]; total: number };

/** Pivots per-day-per-type counts into stacked-bar rows for the last `days` UTC days up to `today`. */
export function volumeSeries(rows: VolumeRow[], days: number, today: Date): VolumeSeries {
  const seen = new Set(rows.map((r) => r.type));
  // Types in vocabulary order, so colours and legend order are stable between loads.
  const types = [...EVENT_TYPES.filter((t) => seen.has(t)), ...[...seen].filter((t) => !(EVENT_TYPES as readonly string[]).includes(t))];
  const byDay = new Map<string, Record<string, number | string>>();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    byDay.set(day, { day, ...Object.fromEntries(types.map((t) => [t, 0])) });
  }
  let total = 0;
  for (const r of rows) {
    const bucket = byDay.get(r.day);
    if (!bucket) continue;
    bucket[r.type] = r.count;
    total += r.count;
  }
  return { days: [...byDay.values()], types, total };
}
