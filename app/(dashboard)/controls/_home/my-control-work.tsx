import { MyControlWorkCard } from "@/components/controls/my-work-card";
import type { SessionUser } from "@/lib/context";
import { can } from "@/lib/auth/permissions";
import { getMyWork } from "@/lib/controls/calendar-queries";
import { todayUtc } from "@/lib/controls/today";

/** The home page's "your control tests": what is due and overdue for this owner. */
export async function MyControlWork({ user }: { user: SessionUser }) {
  if (!can(user.roles, "controls.contribute")) return null;
  const work = await getMyWork(user.id, todayUtc());
  return <MyControlWorkCard tests={work.tests} remediations={work.remediations} />;
}
