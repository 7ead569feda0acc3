import { SectionTabs } from "@/components/ui/section-tabs";

const TABS = [
  { href: "/availability", label: "Overview" },
  { href: "/availability/incidents", label: "Incidents" },
  { href: "/availability/report", label: "SLA report" },
  { href: "/availability/services", label: "Services" },
];

/** The section's tabs only. Not a gate: every page calls requirePagePermission itself. */
export default function AvailabilityLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SectionTabs label="Availability" tabs={TABS} />
      {children}
    </>
  );
}
