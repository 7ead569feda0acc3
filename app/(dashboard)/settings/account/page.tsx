import type { Metadata } from "next";
import { MfaManager } from "@/components/account/mfa-manager";
import { ProfileCard } from "@/components/account/profile-card";
import { PageHeader } from "@/components/ui/page-header";
import { confirmTotpEnrolmentAction, disableTotpAction, startTotpEnrolmentAction } from "@/lib/account/actions";
import { requirePagePermission } from "@/lib/auth/service";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePagePermission("account.manage", "/settings/account");
  return (
    <>
      <PageHeader title="Account" description="Your profile and how you sign in." />
      <div className="max-w-3xl space-y-6">
        <ProfileCard name={user.name} email={user.email} roleLabels={user.roles.map((r) => ROLE_LABELS[r])} />
        <MfaManager
          enabled={user.totpEnabled}
          actions={{ start: startTotpEnrolmentAction, confirm: confirmTotpEnrolmentAction, disable: disableTotpAction }}
        />
      </div>
    </>
  );
}
