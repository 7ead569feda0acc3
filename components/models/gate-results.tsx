import { StatusDot } from "@/components/ui/badge";
import type { EvaluatedGate } from "@/lib/governance/gates";

/** Each check with its verdict and the inputs it looked at. */
export function GateResults({ gates }: { gates: EvaluatedGate[] }) {
  return (
    <ul className="divide-y divide-zinc-100">
      {gates.map((gate) => (
        <li key={gate.id} className="px-5 py-3">
          <p className="flex items-center justify-between gap-3 text-[13px]">
            <span className="font-medium text-zinc-900">{gate.title}</span>
            {gate.passed ? <StatusDot tone="green">Passed</StatusDot> : <StatusDot tone="red">Failed</StatusDot>}
          </p>
          <p className={`mt-0.5 text-xs ${gate.passed ? "text-zinc-500" : "font-medium text-red-700"}`}>{gate.detail}</p>
          {gate.inputs.length > 0 ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs">
              {gate.inputs.map((row) => (
                <div key={row.label} className="contents">
                  <dt className="text-zinc-500">{row.label}</dt>
                  <dd className={row.ok === false ? "font-medium text-red-700" : "text-zinc-700"}>
                    {row.value}
                    {row.ok === undefined ? null : <span className="sr-only">{row.ok ? " (met)" : " (not met)"}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
