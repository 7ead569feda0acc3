import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";

/** Home-page card: data-subject requests due (the 30-day clock) and consents to renew. */
export function PrivacyAttentionCard({ open, overdue, expiring }: { open: number; overdue: number; expiring: number }) {
  const attention = overdue > 0 || open > 0;
  return (
    <section
      aria-labelledby="privacy-attention-title"
      className={`flex items-center justify-between gap-4 rounded-lg border p-4 ${overdue > 0 ? "border-amber-200 bg-amber-50/60" : "border-zinc-200 bg-white"}`}
    >
      <div>
        <h2 id="privacy-attention-title" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          Privacy {overdue > 0 ? <Badge tone="amber">{overdue} overdue</Badge> : null}
        </h2>
        <p className="mt-0.5 text-[13px] text-zinc-600">
          {open > 0 ? `${open} data-subject request${open === 1 ? " is" : "s are"} open.` : "No data-subject request is open."}{" "}
          {expiring > 0 ? `${expiring} purpose consent${expiring === 1 ? "" : "s"} expire within 30 days.` : null}
        </p>
      </div>
      <ButtonLink href="/privacy/requests" variant={attention ? "primary" : "secondary"} size="sm">
        Data-subject requests
      </ButtonLink>
    </section>
  );
}
