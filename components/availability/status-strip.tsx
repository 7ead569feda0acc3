"use client";

import { useRef, useState } from "react";
import { formatCount, formatPercent } from "@/components/format";
import type { StripDay as StripDayRow } from "@/lib/availability/queries";
import type { Serialized } from "@/lib/serialized";

/** One UTC day of a status strip. */
export type StripDay = Serialized<StripDayRow>;

type Kind = "met" | "near" | "below" | "maintenance" | "none";

const KIND: Record<Kind, { bar: string; label: string }> = {
  met: { bar: "bg-emerald-500", label: "target met" },
  near: { bar: "bg-amber-400", label: "below target (≥ 99%)" },
  below: { bar: "bg-red-500", label: "below 99%" },
  maintenance: {
    bar: "bg-sky-400 bg-[repeating-linear-gradient(135deg,transparent_0_2px,rgba(255,255,255,0.55)_2px_4px)]",
    label: "maintenance only",
  },
  none: { bar: "bg-zinc-200", label: "no data" },
};

function kindOf(d: StripDay, target: number): Kind {
  if (d.uptime === null) return d.maintenance > 0 ? "maintenance" : "none";
  if (d.uptime >= target) return "met";
  return d.uptime >= 99 ? "near" : "below";
}

function describe(d: StripDay, target: number): string {
  const parts = [d.day, d.uptime === null ? "no known samples" : `${formatPercent(d.uptime)} uptime`, KIND[kindOf(d, target)].label];
  parts.push(
    `${formatCount(d.down)} down, ${formatCount(d.degraded)} degraded, ${formatCount(d.maintenance)} maintenance, ${formatCount(d.unknown)} unknown samples`,
  );
  return parts.join("; ");
}

/**
 * One bar per UTC day, coloured by uptime against the target. One tab stop for the whole
 * strip (arrow keys, Home and End move between days) so that five strips do not cost 450
 * presses of Tab; hovering or focusing a day shows its figures.
 */
export function StatusStrip({
  days,
  target,
  label,
  className = "",
}: {
  days: StripDay[];
  target: number;
  label?: string;
  className?: string;
}) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(days.length - 1);
  const refs = useRef<(HTMLSpanElement | null)[]>([]);
  const kinds = days.map((d) => kindOf(d, target));
  const met = kinds.filter((k) => k === "met").length;
  const below = kinds.filter((k) => k === "near" || k === "below").length;
  const maintenance = kinds.filter((k) => k === "maintenance").length;
  const none = kinds.filter((k) => k === "none").length;
  const summary = `${label ? `${label} — ` : ""}${days.length} days: ${met} met, ${below} below target, ${none} without data${maintenance ? `, ${maintenance} maintenance only` : ""}`;

  function move(to: number) {
    const i = Math.max(0, Math.min(days.length - 1, to));
    setFocusIndex(i);
    setActive(i);
    refs.current[i]?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const current = active ?? focusIndex;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: days.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    move(next);
  }

  const shown = active === null ? null : days[active];
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  return (
    <div className={`relative ${className}`} onMouseLeave={() => setActive(null)}>
      <div role="group" aria-label={summary} className="flex h-7 items-stretch gap-px" onKeyDown={onKeyDown}>
        {days.map((d, i) => (
          <span
            key={d.day}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="img"
            data-day={d.day}
            data-kind={kinds[i]}
            aria-label={describe(d, target)}
            tabIndex={i === focusIndex ? 0 : -1}
            onMouseEnter={() => setActive(i)}
            onFocus={() => {
              setFocusIndex(i);
              setActive(i);
            }}
            onBlur={() => setActive(null)}
            className={`min-w-0.5 flex-1 rounded-[2px] outline-offset-1 transition-opacity ${KIND[kinds[i]!].bar} ${active !== null && active !== i ? "opacity-60" : ""}`}
          />
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-[11px] text-zinc-400 tabular-nums">
        <span>{first}</span>
        <span>
          {met} met · {below} below · {none} no data{maintenance ? ` · ${maintenance} maintenance` : ""}
        </span>
        <span title={last}>today</span>
      </div>
      {shown ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute bottom-full z-20 mb-2 w-56 -translate-x-1/2 rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-lg"
          style={{ left: `clamp(7rem, ${((active! + 0.5) / days.length) * 100}%, calc(100% - 7rem))` }}
        >
          <p className="flex items-center justify-between font-medium text-zinc-900">
            <span>{shown.day}</span>
            <span className="tabular-nums">{shown.uptime === null ? "no data" : formatPercent(shown.uptime)}</span>
          </p>
          <p className="mt-0.5 text-zinc-500">{KIND[kinds[active!]!].label}</p>
          <dl className="mt-1.5 grid grid-cols-2 gap-x-3 gap-y-0.5 text-zinc-600 tabular-nums">
            <dt>Healthy</dt>
            <dd className="text-right">{formatCount(shown.healthy)}</dd>
            <dt>Degraded</dt>
            <dd className="text-right">{formatCount(shown.degraded)}</dd>
            <dt>Down</dt>
            <dd className="text-right">{formatCount(shown.down)}</dd>
            <dt>Maintenance</dt>
            <dd className="text-right">{formatCount(shown.maintenance)}</dd>
            <dt>Unknown</dt>
            <dd className="text-right">{formatCount(shown.unknown)}</dd>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
