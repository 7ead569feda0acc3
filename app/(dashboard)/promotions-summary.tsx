import { PromotionsCard } from "@/components/home/promotions-card";
import type { SessionUser } from "@/lib/context";
import { can } from "@/lib/auth/permissions";
import { listOpenRequests } from "@/lib/governance/queries";
import { waitingForCount } from "@/lib/governance/waiting-count";

/** The home page's model-promotion attention card, for approvers and requesters. */
export async function PromotionsSummary({ user }: { user: SessionUser }) {
  const canRequest = can(user.roles, "models.request_promotion");
  const [waiting, mine] = await Promise.all([
    waitingForCount(user),
    canRequest ? listOpenRequests({ requestedBy: user.id }).then((r) => r.length) : 0,
  ]);
  return <PromotionsCard waiting={waiting} mine={mine} canApprove={can(user.roles, "models.approve")} />;
}
