import { AttentionCard } from "@/components/home/attention-card";
import { formatPercent } from "@/components/format";
import type { AvailabilityBrief } from "@/lib/availability/queries";
import { incidentsHref, INCIDENTS_DEFAULTS } from "@/lib/availability/schemas";

/** Home-page card: open incidents (unacknowledged first), services below their SLA, the composite. */
export function AvailabilityAttentionCard({ open, unacknowledged, missing, composite }: AvailabilityBrief) {
  return (
    <AttentionCard
      id="availability-attention-title"
      title="Availability"
      warning={unacknowledged > 0 ? `${unacknowledged} unacknowledged` : null}
      action={
        open > 0
          ? { href: incidentsHref(INCIDENTS_DEFAULTS, { state: "open" }), label: "Open incidents", primary: true }
          : { href: "/availability", label: "Availability", primary: missing > 0 }
      }
    >
      {open > 0 ? `${open} incident${open === 1 ? " is" : "s are"} open.` : "No incident is open."}{" "}
      {missing > 0
        ? `${missing} service${missing === 1 ? " is" : "s are"} below SLA over 30 days.`
        : "Every service with data meets its SLA over 30 days."}{" "}
      Composite availability: {composite === null ? "no data yet" : formatPercent(composite)}.
    </AttentionCard>
  );
}
