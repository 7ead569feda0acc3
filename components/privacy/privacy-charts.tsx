"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { humanize } from "./purpose-options";

export type PurposeRate = { purpose: string; rate: number; granted: number; expiringSoon: number };
export type MonthPoint = { month: string; withdrawals: number; grants: number };

const axis = { fontSize: 11, fill: "#71717a" };

/** Purpose names are two words at most: one per line, so five fit side by side. */
function WrapTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const words = String(payload?.value ?? "").split(" ");
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} fill="#71717a">
      {words.map((w, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 12 : 13}>
          {w}
        </tspan>
      ))}
    </text>
  );
}
const tooltip = { fontSize: 12, borderRadius: 6, borderColor: "#e4e4e7" };

/** Share of known subjects whose current consent allows each purpose (server-aggregated). */
export function ConsentRateChart({ data, subjects }: { data: PurposeRate[]; subjects: number }) {
  const best = [...data].sort((a, b) => b.rate - a.rate)[0];
  return (
    <figure className="px-4 pt-3 pb-2">
      <figcaption className="mb-2 text-xs text-zinc-500">
        {subjects === 0
          ? "No subjects yet."
          : `${subjects} subjects; highest consent rate: ${humanize(best?.purpose ?? "")} at ${best?.rate ?? 0}%.`}
      </figcaption>
      <BarChart
        responsive
        data={data.map((d) => ({ ...d, label: humanize(d.purpose) }))}
        style={{ width: "100%", height: 240 }}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="label" tick={<WrapTick />} tickLine={false} axisLine={false} interval={0} height={36} />
        <YAxis domain={[0, 100]} unit="%" tick={axis} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ fill: "#f4f4f5" }} contentStyle={tooltip} formatter={(v) => [`${String(v)}%`, "Consent rate"]} />
        <Bar dataKey="rate" name="Consent rate" fill="#4f46e5" isAnimationActive={false} maxBarSize={40} />
      </BarChart>
    </figure>
  );
}

/** Consents expiring within 30 days, per purpose: renewals to ask for. */
export function ExpiringChart({ data }: { data: PurposeRate[] }) {
  const total = data.reduce((n, d) => n + d.expiringSoon, 0);
  return (
    <figure className="px-4 pt-3 pb-2">
      <figcaption className="mb-2 text-xs text-zinc-500">
        {total === 0 ? "Nothing expires in the next 30 days." : `${total} purpose consents expire in the next 30 days.`}
      </figcaption>
      <BarChart
        responsive
        data={data.map((d) => ({ ...d, label: humanize(d.purpose) }))}
        style={{ width: "100%", height: 240 }}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="label" tick={<WrapTick />} tickLine={false} axisLine={false} interval={0} height={36} />
        <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ fill: "#f4f4f5" }} contentStyle={tooltip} />
        <Bar dataKey="expiringSoon" name="Expiring soon" fill="#d97706" isAnimationActive={false} maxBarSize={40} />
      </BarChart>
    </figure>
  );
}

/** Withdrawals per month beside grants, over the last year. */
export function WithdrawalsChart({ data }: { data: MonthPoint[] }) {
  const withdrawals = data.reduce((n, d) => n + d.withdrawals, 0);
  return (
    <figure className="px-4 pt-3 pb-2">
      <figcaption className="mb-2 text-xs text-zinc-500">{withdrawals} withdrawals in the last 12 months.</figcaption>
      <BarChart responsive data={data} style={{ width: "100%", height: 220 }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e4e4e7" />
        <XAxis dataKey="month" tick={axis} tickLine={false} axisLine={false} minTickGap={12} />
        <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ fill: "#f4f4f5" }} contentStyle={tooltip} />
        <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="grants" name="Grants" fill="#a5b4fc" isAnimationActive={false} maxBarSize={24} />
        <Bar dataKey="withdrawals" name="Withdrawals" fill="#dc2626" isAnimationActive={false} maxBarSize={24} />
      </BarChart>
    </figure>
  );
}
