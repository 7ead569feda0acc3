import { forbidden } from "next/navigation";
import { SectionTabs, type SectionTab } from "@/components/ui/section-tabs";
import { can } from "@/lib/auth/permissions";
import { getRequestContext } from "@/lib/auth/service";

/**
 * The audit section's tabs. Not the gate: layouts do not re-run on client navigation, so
 * every page calls requirePagePermission itself (and that call records the denial). The
 * check here is silent and only makes a refusal a real 403: it runs before the browse
 * page's loading.tsx starts streaming, after which the status would be fixed at 200.
 */
export default async function AuditLayout({ children }: { children: React.ReactNode }) {
  const { user } = await getRequestContext();
  if (!user) return children; // the page redirects to sign-in with its own path
  if (!can(user.roles, "audit.read")) forbidden();

  const tabs: SectionTab[] = [
    { href: "/audit", label: "Events" },
    ...(can(user.roles, "audit.verify") ? [{ href: "/audit/verify", label: "Verify" }] : []),
    { href: "/audit/checkpoints", label: "Checkpoints" },
  ];
  return (
    <>
      <SectionTabs label="Audit log" tabs={tabs} />
      {children}
    </>
  );
}
