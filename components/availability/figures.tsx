import Link from "next/link";
import { formatPercent } from "@/components/format";

/*
 * The availability module's own display pieces: burn rates and error budgets (domain
 * formats; the general ones are in components/format.ts), their tones, and figure tiles.
 */

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
