import { AppHeader } from "@/components/shell/app-header";
import { Sidebar } from "@/components/shell/sidebar";
import { SkipLink } from "@/components/shell/skip-link";
import { signOutAction } from "@/lib/auth/actions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getRequestContext } from "@/lib/auth/service";
import { waitingForCount } from "@/lib/governance/waiting-count";
import { navigationFor } from "./navigation";

/**
 * The shell. Not a gate: layouts do not re-run on client navigation, so every page calls
 * requirePagePermission / requireSignedIn itself. Signed out, only the page renders (and
 * redirects to sign-in with its own path).
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user } = await getRequestContext();
  if (!user) return <main id="main">{children}</main>;
  const waiting = await waitingForCount(user);

  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <Sidebar items={navigationFor(user.roles, { "/models/requests": waiting })} />
      <div className="flex min-w-0 flex-1 flex-col">
        <AppHeader name={user.name} email={user.email} roleLabels={user.roles.map((r) => ROLE_LABELS[r])} signOutAction={signOutAction} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-6 py-8 focus:outline-none xl:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
