import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { formatPercent } from "./figures";

/** Home-page card: open incidents (unacknowledged first), services below their SLA, the composite. */
export function AvailabilityAttentionCard({ open, unacknowledged, missing, composite }: { open: number; unacknowledged: number; missing: number; composite: number | null }) {
  const attention = unacknowledged > 0 || missing > 0;
  return (
    <section
      aria-labelledby="availability-attention-title"
      className={`flex items-center justify-between gap-4 rounded-lg border p-4 ${unacknowledged > 0 ? "border-amber-200 bg-amber-50/60" : "border-zinc-200 bg-white"}`}
    >
      <div>
        <h2 id="availability-attention-title" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          Availability {unacknowledged > 0 ? <Badge tone="amber">{unacknowledged} unacknowledged</Badge> : null}
        </h2>
        <p className="mt-0.5 text-[13px] text-zinc-600">
          {open > 0 ? `${open} incident${open === 1 ? " is" : "s are"} open.` : "No incident is open."}{" "}
          {missing > 0 ? `${missing} service${missing === 1 ? " is" : "s are"} below SLA over 30 days.` : "Every service with data meets its SLA over 30 days."}{" "}
          Composite availability: {composite === null ? "no data yet" : formatPercent(composite)}.
        </p>
      </div>
      <ButtonLink href={open > 0 ? "/availability/incidents?state=open" : "/availability"} variant={attention ? "primary" : "secondary"} size="sm">
        {open > 0 ? "Open incidents" : "Availability"}
      </ButtonLink>
    </section>
  );
}
