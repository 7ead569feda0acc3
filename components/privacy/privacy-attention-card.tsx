import { AttentionCard } from "@/components/home/attention-card";

/** Home-page card: data-subject requests due (the 30-day clock) and consents to renew. */
export function PrivacyAttentionCard({ open, overdue, expiring }: { open: number; overdue: number; expiring: number }) {
  return (
    <AttentionCard
      id="privacy-attention-title"
      title="Privacy"
      warning={overdue > 0 ? `${overdue} overdue` : null}
      action={{ href: "/privacy/requests", label: "Data-subject requests", primary: overdue > 0 || open > 0 }}
    >
      {open > 0 ? `${open} data-subject request${open === 1 ? " is" : "s are"} open.` : "No data-subject request is open."}{" "}
      {expiring > 0 ? `${expiring} purpose consent${expiring === 1 ? "" : "s"} expire within 30 days.` : null}
    </AttentionCard>
  );
}
