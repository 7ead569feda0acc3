import { forbidden } from "next/navigation";
import { ControlsTabs } from "@/components/controls/controls-tabs";
import { can } from "@/lib/auth/permissions";
import { getRequestContext } from "@/lib/auth/session";

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
      <ControlsTabs
        tabs={[
          { href: "/controls", label: "Catalog" },
          { href: "/controls/calendar", label: "Calendar" },
          { href: "/controls/periods", label: "Periods & readiness" },
          { href: "/controls/evidence", label: "Evidence" },
        ]}
      />
      {children}
    </>
  );
}
