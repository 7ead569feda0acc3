import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";

/** Model promotion requests that need this person: to decide (approvers) or to follow (requesters). */
export function PromotionsCard({ waiting, mine, canApprove }: { waiting: number; mine: number; canApprove: boolean }) {
  const attention = canApprove && waiting > 0;
  return (
    <section
      aria-labelledby="promotions-title"
      className={`flex items-center justify-between gap-4 rounded-lg border p-4 ${attention ? "border-accent-100 bg-accent-50/60" : "border-zinc-200 bg-white"}`}
    >
      <div>
        <h2 id="promotions-title" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          Model promotions {attention ? <Badge tone="accent">{waiting} waiting for you</Badge> : null}
        </h2>
        <p className="mt-0.5 text-[13px] text-zinc-600">
          {canApprove
            ? waiting > 0
              ? `${waiting} promotion request${waiting === 1 ? " needs" : "s need"} a role you hold. Read the evidence and approve or reject.`
              : "No promotion request is waiting for you."
            : null}
          {canApprove && mine > 0 ? " " : null}
          {mine > 0
            ? `You have ${mine} open request${mine === 1 ? "" : "s"} waiting for approvers.`
            : !canApprove
              ? "You have no open promotion requests."
              : null}
        </p>
      </div>
      <ButtonLink href="/models/requests" variant={attention ? "primary" : "secondary"} size="sm">
        {attention ? "Review requests" : "Promotion requests"}
      </ButtonLink>
    </section>
  );
}
