import { Badge } from "@/components/ui/badge";
import { SEVERITY_LABELS, type SampleStatus, type Severity, type SlaVerdict } from "@/lib/availability/vocabulary";

/**
 * Badges for the availability module. Each one carries its meaning in words; the colour only
 * helps (WCAG 1.4.1). Pure and server-safe, so server and client components both use them.
 */
const STATUS: Record<SampleStatus, { tone: "green" | "amber" | "red"; label: string }> = {
  healthy: { tone: "green", label: "Healthy" },
  degraded: { tone: "amber", label: "Degraded" },
  down: { tone: "red", label: "Down" },
};

/** The status of one sample (or a service's last sample); null means no sample yet. */
export function SampleStatusBadge({ status }: { status: SampleStatus | null | undefined }) {
  if (!status) return <Badge tone="neutral">No data</Badge>;
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const VERDICT: Record<SlaVerdict, { tone: "green" | "red" | "neutral"; label: string; title: string }> = {
  met: { tone: "green", label: "SLA met", title: "Uptime is at or above the SLA target" },
  missed: { tone: "red", label: "SLA missed", title: "Uptime is below the SLA target" },
  unknown: { tone: "neutral", label: "No data", title: "No known samples in this range: the SLA cannot be judged" },
};

export function VerdictBadge({ verdict }: { verdict: SlaVerdict }) {
  const v = VERDICT[verdict];
  return (
    <span title={v.title}>
      <Badge tone={v.tone}>{v.label}</Badge>
    </span>
  );
}

const SEVERITY_TONES: Record<Severity, "red" | "amber" | "accent" | "neutral"> = {
  sev1: "red",
  sev2: "amber",
  sev3: "accent",
  sev4: "neutral",
};

/** Short label ("SEV1") with the full one ("SEV1 · critical") as a tooltip and for screen readers. */
export function SeverityBadge({ severity, long = false }: { severity: Severity; long?: boolean }) {
  const full = SEVERITY_LABELS[severity];
  const short = severity.toUpperCase();
  return (
    <span title={full}>
      <Badge tone={SEVERITY_TONES[severity]}>
        {long ? (
          full
        ) : (
          <>
            <span aria-hidden="true">{short}</span>
            <span className="sr-only">{full}</span>
          </>
        )}
      </Badge>
    </span>
  );
}

export function IncidentStateBadge({ acknowledged, resolved }: { acknowledged: boolean; resolved: boolean }) {
  if (resolved) return <Badge tone="green">Resolved</Badge>;
  if (acknowledged) return <Badge tone="amber">Acknowledged</Badge>;
  return <Badge tone="red">Unacknowledged</Badge>;
}
