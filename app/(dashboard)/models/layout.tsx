import { forbidden } from "next/navigation";
import { SectionTabs } from "@/components/ui/section-tabs";
import { can } from "@/lib/auth/permissions";
import { getRequestContext } from "@/lib/auth/service";
import { waitingForCount } from "@/lib/governance/waiting-count";

/**
 * The models section's tabs. Not the gate (every page calls requirePagePermission, which
 * records a denial); this silent check only makes a refusal a real 403 before any page
 * streams.
 */
export default async function ModelsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await getRequestContext();
  if (!user) return children;
  if (!can(user.roles, "models.read")) forbidden();
  const waiting = await waitingForCount(user);
  return (
    <>
      <SectionTabs
        label="Models"
        tabs={[
          { href: "/models", label: "Registry" },
          { href: "/models/requests", label: "Promotion requests", count: waiting },
          { href: "/models/policy", label: "Approval policy" },
        ]}
      />
      {children}
    </>
  );
}
