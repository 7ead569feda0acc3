import { AvailabilityAttentionCard } from "@/components/availability/availability-attention-card";
import { loadAvailabilityBrief } from "@/lib/availability/queries";

/** The home page's availability card, for those who watch the AI services. */
export async function AvailabilitySummary() {
  return <AvailabilityAttentionCard {...await loadAvailabilityBrief()} />;
}
