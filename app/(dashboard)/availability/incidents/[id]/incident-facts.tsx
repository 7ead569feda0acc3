import { formatElapsed, formatUtc } from "@/components/format";
import type { IncidentDetail } from "@/lib/availability/queries";
import { minutesBetween } from "@/lib/time";

/** An incident's facts, times in UTC: when it started, was seen, acknowledged and resolved, and why. */
export function Facts({ incident }: { incident: IncidentDetail }) {
  const now = new Date();
  const duration = minutesBetween(incident.startedAt, incident.resolvedAt ?? now);
  const facts: [string, React.ReactNode][] = [
    ["Started", formatUtc(incident.startedAt)],
    ["Detected", formatUtc(incident.detectedAt)],
    [
      "Acknowledged",
      incident.acknowledgedAt ? `${formatUtc(incident.acknowledgedAt)} by ${incident.acknowledgedByName ?? "—"}` : "Not yet",
    ],
    [
      "Time to acknowledge",
      incident.acknowledgedAt ? formatElapsed(Math.max(0, minutesBetween(incident.detectedAt, incident.acknowledgedAt))) : "—",
    ],
    [
      "Resolved",
      incident.resolvedAt
        ? `${formatUtc(incident.resolvedAt)}${incident.resolvedByName ? ` by ${incident.resolvedByName}` : " (recovered automatically)"}`
        : "Ongoing",
    ],
    ["Duration", incident.resolvedAt ? formatElapsed(duration) : `${formatElapsed(duration)} so far`],
    ["Root cause", incident.rootCause ?? <span className="text-zinc-400">Not recorded yet</span>],
    [
      "Postmortem",
      incident.postmortemUrl ? (
        <a href={incident.postmortemUrl} className="break-all text-accent-700 hover:underline" rel="noreferrer noopener" target="_blank">
          {incident.postmortemUrl}
        </a>
      ) : (
        <span className="text-zinc-400">None linked</span>
      ),
    ],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label} className={label === "Root cause" || label === "Postmortem" ? "sm:col-span-2" : ""}>
          <dt className="text-xs font-medium text-zinc-500">{label}</dt>
          <dd className="mt-0.5 text-[13px] whitespace-pre-line text-zinc-900 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
