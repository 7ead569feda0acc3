import { PrivacyTabs } from "@/components/privacy/privacy-tabs";

/** The section's tabs only. Not a gate: every page calls requirePagePermission itself. */
export default function PrivacyLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PrivacyTabs />
      {children}
    </>
  );
}
