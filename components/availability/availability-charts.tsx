"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount, formatMs, formatPercent } from "@/components/format";
import type { Overview, SeriesPoint } from "@/lib/availability/queries";
import type { Grain } from "@/lib/availability/schemas";
import { axis, bucketLabel, EmptyChart, legend, margin, pctTick, percentFloor, percentTicks, tick, tooltip } from "./chart-axes";

/** Series as the server computed them (lib/availability/queries.ts), with `t` as epoch milliseconds (bucket start, UTC). */
export type { Grain };
export type CompositePoint = Omit<Overview["compositeSeries"][number], "t"> & { t: number };
export type DetailPoint = Omit<SeriesPoint, "t"> & { t: number };

export const STATUS_COLORS = {
  healthy: "#10b981",
  degraded: "#f59e0b",
  down: "#ef4444",
  maintenance: "#38bdf8",
  unknown: "#d4d4d8",
} as const;
const STATUS_NAMES = {
  healthy: "Healthy",
  degraded: "Degraded",
  down: "Down",
  maintenance: "Maintenance",
  unknown: "Unknown (no sample)",
} as const;
type StatusKey = keyof typeof STATUS_COLORS;
const STATUS_KEYS = Object.keys(STATUS_COLORS) as StatusKey[];

/** Weighted composite availability per bucket (healthy 1, degraded ½, weights 0.4/0.2/0.15/0.15/0.1). */
export function CompositeChart({ data, grain, caption }: { data: CompositePoint[]; grain: Grain; caption: string }) {
  const values = data.map((d) => d.composite).filter((v): v is number => v !== null);
  // The lowest bucket stays in view: a composite dip is what this chart is for.
  const lo = percentFloor(values, 0);
  return (
    <figure className="px-4 pt-3 pb-2" data-chart="composite">
      <figcaption className="mb-2 text-xs text-zinc-500">{caption}</figcaption>
      {values.length === 0 ? (
        <EmptyChart height={220}>No samples in this range yet.</EmptyChart>
      ) : (
        <AreaChart responsive data={data} style={{ width: "100%", height: 220 }} margin={margin}>
          <defs>
            <linearGradient id="composite-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#6366f1" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#6366f1" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="t" tickFormatter={tick(grain, data.length)} tick={axis} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis
            domain={[lo, 100]}
            ticks={percentTicks(lo)}
            allowDataOverflow
            tickFormatter={pctTick(lo)}
            tick={axis}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            contentStyle={tooltip}
            labelFormatter={bucketLabel(grain)}
            formatter={(v) => [v === null || v === undefined ? "no data" : formatPercent(Number(v), 3), "Composite"]}
          />
          <Area
            type="monotone"
            dataKey="composite"
            name="Composite"
            stroke="#4f46e5"
            strokeWidth={1.5}
            fill="url(#composite-fill)"
            baseValue={lo}
            isAnimationActive={false}
            connectNulls={false}
          />
        </AreaChart>
      )}
    </figure>
  );
}

/** Share of each bucket's expected samples by status, stacked; the axis zooms to where the non-healthy share shows. */
export function StatusBarsChart({ data, grain }: { data: DetailPoint[]; grain: Grain }) {
  const rows = data.map((d) => {
    const total = d.healthy + d.degraded + d.down + d.maintenance + d.unknown;
    const pct = (n: number) => (total === 0 ? 0 : (100 * n) / total);
    return {
      t: d.t,
      total,
      counts: d,
      healthy: pct(d.healthy),
      degraded: pct(d.degraded),
      down: pct(d.down),
      maintenance: pct(d.maintenance),
      unknown: total === 0 ? 100 : pct(d.unknown),
    };
  });
  const recorded = data.reduce((n, d) => n + d.healthy + d.degraded + d.down + d.maintenance, 0);
  const lo = percentFloor(rows.filter((r) => r.total > 0).map((r) => r.healthy));
  const badBuckets = data.filter((d) => d.down > 0).length;
  const unit = grain === "hour" ? "hour" : "day";
  return (
    <figure className="px-4 pt-3 pb-2" data-chart="status">
      <figcaption className="mb-2 text-xs text-zinc-500">
        {recorded === 0
          ? "No samples in this range yet."
          : `Samples per ${unit} by status, as a share of the samples expected. ${badBuckets} ${unit}${badBuckets === 1 ? "" : "s"} with down samples.${lo > 0 ? ` The axis starts at ${pctTick(lo)(lo)} to show small shares.` : ""}`}
      </figcaption>
      {recorded === 0 ? (
        <EmptyChart height={240}>No samples in this range yet.</EmptyChart>
      ) : (
        <BarChart responsive data={rows} style={{ width: "100%", height: 240 }} margin={margin} barCategoryGap={data.length > 60 ? 0 : 1}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="t" tickFormatter={tick(grain, data.length)} tick={axis} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis
            domain={[lo, 100]}
            ticks={percentTicks(lo)}
            allowDataOverflow
            tickFormatter={pctTick(lo)}
            tick={axis}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            cursor={{ fill: "#f4f4f5" }}
            contentStyle={tooltip}
            labelFormatter={bucketLabel(grain)}
            formatter={(v, name, item) => {
              const key = STATUS_KEYS.find((k) => STATUS_NAMES[k] === name);
              const count = key ? (item.payload as { counts: DetailPoint }).counts[key] : 0;
              return [`${formatCount(count)} (${formatPercent(Number(v), 2)})`, name];
            }}
          />
          <Legend iconType="circle" iconSize={8} wrapperStyle={legend} itemSorter={null} />
          {STATUS_KEYS.map((k) => (
            <Bar key={k} dataKey={k} name={STATUS_NAMES[k]} stackId="status" fill={STATUS_COLORS[k]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </figure>
  );
}

export function LatencyChart({ data, grain }: { data: DetailPoint[]; grain: Grain }) {
  const p95s = data.map((d) => d.p95).filter((v): v is number => v !== null);
  const worst = p95s.length ? Math.max(...p95s) : null;
  return (
    <figure className="px-4 pt-3 pb-2" data-chart="latency">
      <figcaption className="mb-2 text-xs text-zinc-500">
        {worst === null ? "No latency recorded in this range yet." : `Latency percentiles per ${grain}; worst p95 ${formatMs(worst)}.`}
      </figcaption>
      {worst === null ? (
        <EmptyChart height={240}>No samples in this range yet.</EmptyChart>
      ) : (
        <LineChart responsive data={data} style={{ width: "100%", height: 240 }} margin={margin}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="t" tickFormatter={tick(grain, data.length)} tick={axis} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatMs(v)} tick={axis} tickLine={false} axisLine={false} width={56} />
          <Tooltip
            contentStyle={tooltip}
            labelFormatter={bucketLabel(grain)}
            formatter={(v, name) => [v === null || v === undefined ? "no data" : formatMs(Number(v)), name]}
          />
          <Legend iconType="plainline" wrapperStyle={legend} />
          <Line type="monotone" dataKey="p50" name="p50" stroke="#a5b4fc" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="p95" name="p95" stroke="#6366f1" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Line
            type="monotone"
            dataKey="p99"
            name="p99"
            stroke="#312e81"
            strokeWidth={1.5}
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </figure>
  );
}

function burnTicks(lower: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lower / 25) * 25; v <= 100; v += 25) out.push(v);
  return out;
}

/** Error budget remaining after each bucket, against the whole range's budget; below 0 is overspent. */
export function BurnDownChart({ data, grain }: { data: DetailPoint[]; grain: Grain }) {
  const values = data.map((d) => d.budgetRemaining).filter((v): v is number => v !== null);
  const last = values.at(-1);
  const lo = values.length ? Math.min(0, Math.floor(Math.min(...values) / 25) * 25) : 0;
  const lower = lo < 0 ? lo : -10;
  return (
    <figure className="px-4 pt-3 pb-2" data-chart="burn-down">
      <figcaption className="mb-2 text-xs text-zinc-500">
        {last === undefined
          ? "No samples in this range yet, so no error budget."
          : `Error budget remaining over the range: ${formatPercent(last, 1)} at the end${last < 0 ? " (overspent)" : ""}. The dashed line is an exhausted budget.`}
      </figcaption>
      {last === undefined ? (
        <EmptyChart height={240}>No samples in this range yet.</EmptyChart>
      ) : (
        <LineChart responsive data={data} style={{ width: "100%", height: 240 }} margin={margin}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <ReferenceArea y1={lower} y2={0} fill="#fee2e2" fillOpacity={0.5} ifOverflow="hidden" />
          <XAxis dataKey="t" tickFormatter={tick(grain, data.length)} tick={axis} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis
            domain={[lower, 100]}
            ticks={burnTicks(lower)}
            tickFormatter={(v: number) => `${Math.round(v)}%`}
            tick={axis}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <ReferenceLine
            y={0}
            stroke="#dc2626"
            strokeDasharray="4 3"
            label={{ value: "exhausted", position: "insideBottomLeft", fontSize: 11, fill: "#b91c1c" }}
          />
          <Tooltip
            contentStyle={tooltip}
            labelFormatter={bucketLabel(grain)}
            formatter={(v) => [v === null || v === undefined ? "no data" : formatPercent(Number(v), 1), "Budget remaining"]}
          />
          <Line
            type="stepAfter"
            dataKey="budgetRemaining"
            name="Budget remaining"
            stroke={last < 0 ? "#dc2626" : "#059669"}
            strokeWidth={1.75}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </figure>
  );
}
