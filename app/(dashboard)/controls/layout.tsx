import { forbidden } from "next/navigation";
import { SectionTabs } from "@/components/ui/section-tabs";
import { can } from "@/lib/auth/permissions";
import { getRequestContext } from "@/lib/auth/service";

/**
 * The controls section's tabs. Not the gate: every page calls requirePagePermission itself
 * (which records a denial); this silent check only makes a refusal a real 403 before
 * anything streams.
 */
export default async function ControlsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await getRequestContext();
  if (!user) return children;
  if (!can(user.roles, "controls.read")) forbidden();
  return (
    <>
      <SectionTabs
        label="Controls"
        tabs={[
          { href: "/controls", label: "Catalog" },
          { href: "/controls/calendar", label: "Calendar", also: ["/controls/tests"] },
          { href: "/controls/periods", label: "Periods & readiness" },
          { href: "/controls/evidence", label: "Evidence" },
        ]}
      />
      {children}
    </>
  );
}
