"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { EventType } from "@/lib/audit/vocabulary";
import { EVENT_TYPE_COLORS, formatCount, humanize } from "./event-display";
import type { VolumeSeries } from "./volume-series";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Events per day by type (stacked), already counted by the server. */
export function EventVolumeChart({ series, days }: { series: VolumeSeries; days: number }) {
  const busiest = series.days.reduce<{ day: string; count: number }>(
    (best, row) => {
      const count = series.types.reduce((sum, t) => sum + Number(row[t] ?? 0), 0);
      return count > best.count ? { day: String(row.day), count } : best;
    },
    { day: "", count: 0 },
  );
  const summary =
    series.total === 0
      ? `No events in the last ${days} days.`
      : `${formatCount(series.total)} events in the last ${days} days; busiest day ${busiest.day} with ${formatCount(busiest.count)}.`;

  return (
    <figure className="px-4 pt-3 pb-2">
      <figcaption className="mb-2 text-xs text-zinc-500">{summary}</figcaption>
      <div>
        <BarChart responsive data={series.days} style={{ width: "100%", height: 220 }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e4e4e7" />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => d.slice(5)}
            tick={{ fontSize: 11, fill: "#71717a" }}
            tickLine={false}
            axisLine={false}
            minTickGap={16}
          />
          <YAxis
            allowDecimals={false}
            tickFormatter={(v: number) => compact.format(v)}
            tick={{ fontSize: 11, fill: "#71717a" }}
            tickLine={false}
            axisLine={false}
            width={40}
          />
          <Tooltip
            cursor={{ fill: "#f4f4f5" }}
            contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e4e4e7" }}
            formatter={(value, name) => [formatCount(Number(value)), humanize(String(name))]}
          />
          <Legend
            iconType="circle"
            iconSize={8}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(name) => <span className="text-zinc-600">{humanize(String(name))}</span>}
          />
          {series.types.map((type) => (
            <Bar
              key={type}
              dataKey={type}
              stackId="events"
              fill={EVENT_TYPE_COLORS[type as EventType] ?? "#a1a1aa"}
              isAnimationActive={false}
              maxBarSize={28}
            />
          ))}
        </BarChart>
      </div>
    </figure>
  );
}
