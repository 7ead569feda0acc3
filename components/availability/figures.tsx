import Link from "next/link";

/**
 * Formatting for availability figures, shared by server and client components. Percentages
 * are truncated, never rounded up: 99.996% shows as 99.99%, not as a perfect 100.00%.
 */
export function formatPercent(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return value < 0 ? "−∞%" : "∞%";
  const d = digits ?? (Math.abs(value) >= 99 ? 2 : Math.abs(value) >= 10 ? 1 : 2);
  const f = 10 ** d;
  const cut = value >= 0 ? Math.floor(value * f) / f : -Math.floor(-value * f) / f;
  const text = cut === 100 || cut === 0 ? String(cut) : cut.toFixed(d);
  return `${text.replace("-", "−")}%`;
}

/** "45 min", "1 h 5 min", "2 d 3 h", "12 d"; under a minute "< 1 min". */
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

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
}

/** A burn rate: 1× spends the error budget exactly on schedule. */
export function formatBurn(rate: number): string {
  return `${rate < 10 ? rate.toFixed(2) : Math.round(rate)}×`;
}

/** Remaining error budget (1 = untouched, 0 = exhausted, negative = overspent) as a percent. */
export function formatBudget(fraction: number): string {
  if (!Number.isFinite(fraction)) return "Overspent";
  return formatPercent(fraction * 100, 1);
}

export function budgetTone(fraction: number | null | undefined): "neutral" | "green" | "amber" | "red" {
  if (fraction === null || fraction === undefined) return "neutral";
  if (fraction < 0) return "red";
  if (fraction < 0.25) return "amber";
  return "green";
}

export function burnTone(rate: number | null): "neutral" | "green" | "amber" | "red" {
  if (rate === null) return "neutral";
  if (rate >= 6) return "red";
  if (rate > 1) return "amber";
  return "green";
}

export const TONE_TEXT = { neutral: "text-zinc-900", green: "text-emerald-700", amber: "text-amber-700", red: "text-red-700" } as const;

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

/** UTC, the module's clock: "2025-03-04 13:05 UTC". */
export function formatUtc(d: Date | number, withTime = true): string {
  const iso = new Date(d).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
}

/** An absent figure: a dash that says why, to sighted and screen-reader users alike. */
export function NoData({ reason = "no data" }: { reason?: string }) {
  return (
    <span title={reason} className="cursor-help text-zinc-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{reason}</span>
    </span>
  );
}

/** Renders a formatted figure, or the "no data" dash for null. */
export function Fig<T>({ value, format, reason }: { value: T | null | undefined; format: (v: T) => string; reason?: string }) {
  if (value === null || value === undefined) return <NoData reason={reason} />;
  return <>{format(value)}</>;
}

type Tone = keyof typeof TONE_TEXT;

/** A tile with a headline figure and supporting lines; optionally a link to where it is dealt with. */
export function FigureTile({
  label,
  value,
  tone = "neutral",
  hint,
  children,
  href,
}: {
  label: string;
  value: React.ReactNode;
  tone?: Tone;
  hint?: React.ReactNode;
  children?: React.ReactNode;
  href?: string;
}) {
  const body = (
    <>
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-zinc-500">
        {tone === "amber" || tone === "red" ? (
          <span aria-hidden="true" className={`size-1.5 rounded-full ${tone === "red" ? "bg-red-500" : "bg-amber-500"}`} />
        ) : null}
        {label}
      </p>
      <div className={`mt-1.5 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight tabular-nums ${TONE_TEXT[tone]}`}>
        {value}
      </div>
      {hint ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
      {children ? <div className="mt-3 border-t border-zinc-100 pt-2.5 text-xs text-zinc-600">{children}</div> : null}
    </>
  );
  const cls = "block rounded-lg border border-zinc-200 bg-white p-4 shadow-xs";
  if (href) {
    return (
      <Link href={href} className={`group ${cls} transition-colors hover:border-zinc-300 hover:bg-zinc-50/60`}>
        {body}
      </Link>
    );
  }
  return <div className={cls}>{body}</div>;
}

/** Small label/value pairs inside a tile (e.g. burn rates, MTTR/MTBF/MTTA). */
export function MiniFigures({ items, caption }: { items: { label: string; value: React.ReactNode; title?: string }[]; caption?: string }) {
  return (
    <>
      {caption ? <p className="mb-1.5 text-[11px] text-zinc-500">{caption}</p> : null}
      <dl className="grid grid-cols-3 gap-1.5">
        {items.map((it) => (
          <div key={it.label} title={it.title}>
            <dt className="text-[11px] text-zinc-500">{it.label}</dt>
            <dd className="mt-0.5 font-medium whitespace-nowrap text-zinc-800 tabular-nums">{it.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
