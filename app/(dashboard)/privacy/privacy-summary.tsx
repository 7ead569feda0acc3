import { PrivacyAttentionCard } from "@/components/privacy/privacy-attention-card";
import { openRequestCounts, purposeStats } from "@/lib/privacy/stats";

/** The home page's privacy card, for those who handle data-subject requests. */
export async function PrivacySummary() {
  const [requests, stats] = await Promise.all([openRequestCounts(), purposeStats()]);
  return (
    <PrivacyAttentionCard
      open={requests.open}
      overdue={requests.overdue}
      expiring={stats.purposes.reduce((n, p) => n + p.expiringSoon, 0)}
    />
  );
}
