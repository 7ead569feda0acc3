import { formatMinutes, formatUtc } from "@/components/format";
import type { MaintenanceRow } from "@/lib/availability/queries";
import { minutesBetween } from "@/lib/time";

const COLUMNS = ["Starts", "Ends", "Duration", "Scope", "Reason"];

/** The maintenance windows overlapping a service page's range. */
export function MaintenanceTable({ windows }: { windows: MaintenanceRow[] }) {
  if (windows.length === 0) return <p className="px-5 py-6 text-sm text-zinc-500">No maintenance windows in this range.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Maintenance windows</caption>
      <thead className="border-b border-zinc-100 text-xs text-zinc-500">
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" className="px-5 py-2 font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {windows.map((m) => (
          <tr key={m.id}>
            <td className="px-5 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(m.startsAt)}</td>
            <td className="px-5 py-2.5 whitespace-nowrap tabular-nums">{formatUtc(m.endsAt)}</td>
            <td className="px-5 py-2.5 whitespace-nowrap">{formatMinutes(minutesBetween(m.startsAt, m.endsAt))}</td>
            <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">{m.serviceName ?? "All services"}</td>
            <td className="px-5 py-2.5 text-zinc-600">{m.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
