import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/privacy", label: "Overview" },
  { href: "/privacy/consents", label: "Consents" },
  { href: "/privacy/requests", label: "Requests" },
  { href: "/privacy/register", label: "Register" },
];

/** The section's tabs only. Not a gate: every page calls requirePagePermission itself. */
export default function PrivacyLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SectionTabs label="Privacy" tabs={TABS} />
      {children}
    </>
  );
}
