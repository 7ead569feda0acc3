import { StatusDot } from "@/components/ui/badge";
import { meets, OP_SYMBOL, type Metrics, type Threshold } from "@/lib/governance/metric-text";
import { formatMetric } from "./model-display";

/**
 * A version's metrics beside the model's thresholds and, on a request page, beside the
 * current production version's: every metric either side appears once.
 */
export function MetricsTable({
  metrics,
  thresholds,
  production,
}: {
  metrics: Metrics;
  thresholds: Threshold[];
  production?: { version: string; metrics: Metrics; label?: string } | null;
}) {
  const names = [
    ...new Set([...thresholds.map((t) => t.metric), ...Object.keys(metrics), ...Object.keys(production?.metrics ?? {})]),
  ].sort();
  if (names.length === 0) return <p className="px-5 py-4 text-[13px] text-zinc-500">No metrics were reported for this version.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]">
        <caption className="sr-only">Metrics</caption>
        <thead>
          <tr className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-500">
            <th scope="col" className="px-5 py-2 font-medium">
              Metric
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              This version
            </th>
            {production ? (
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {production.label ?? "Production"} ({production.version})
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-medium">
              Threshold
            </th>
            <th scope="col" className="px-5 py-2 font-medium">
              Meets it
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {names.map((name) => {
            const value = metrics[name];
            const threshold = thresholds.find((t) => t.metric === name);
            const ok = threshold ? value !== undefined && meets(value, threshold) : null;
            const before = production?.metrics[name];
            return (
              <tr key={name}>
                <th scope="row" className="px-5 py-2 font-mono text-xs font-normal text-zinc-800">
                  {name}
                </th>
                <td className="px-3 py-2 text-right font-medium tabular-nums text-zinc-900">
                  {value === undefined ? <span className="text-zinc-400">not reported</span> : formatMetric(value)}
                </td>
                {production ? (
                  <td className="px-3 py-2 text-right tabular-nums text-zinc-600">
                    {before === undefined ? "—" : formatMetric(before)}
                    {value !== undefined && before !== undefined ? <Delta value={value - before} /> : null}
                  </td>
                ) : null}
                <td className="px-3 py-2 font-mono text-xs text-zinc-600">
                  {threshold ? `${OP_SYMBOL[threshold.op]} ${threshold.value}` : "—"}
                </td>
                <td className="px-5 py-2">
                  {ok === null ? (
                    <span className="text-zinc-400">No threshold</span>
                  ) : ok ? (
                    <StatusDot tone="green">Yes</StatusDot>
                  ) : (
                    <StatusDot tone="red">No</StatusDot>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Delta({ value }: { value: number }) {
  if (value === 0) return null;
  return (
    <span className="ml-1.5 text-xs text-zinc-500">
      ({value > 0 ? "+" : "−"}
      {formatMetric(Math.abs(value))})
    </span>
  );
}
