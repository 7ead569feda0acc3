import type { Metadata } from "next";
import { Suspense } from "react";
import { MfaStatusCard } from "@/components/home/mfa-status-card";
import { RoleCard } from "@/components/home/role-card";
import { ROLE_GUIDES } from "@/components/home/role-guide";
import { PageHeader } from "@/components/ui/page-header";
import { TilesSkeleton } from "@/components/ui/skeleton";
import { requireSignedIn } from "@/lib/auth/service";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { PromotionsSummary } from "./promotions-summary";
import { AvailabilitySummary } from "./availability/availability-summary";
import { PrivacySummary } from "./privacy/privacy-summary";
import { MyControlWork } from "./controls/_home/my-control-work";
import { WorkspaceStats } from "./workspace-stats";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireSignedIn("/");
  const showUsers = can(user.roles, "users.read");
  const showApiKeys = can(user.roles, "api_keys.manage");
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description="Here is what needs your attention in Assay today." />
      <div className="space-y-8">
        <MfaStatusCard enabled={user.totpEnabled} />
        <Suspense fallback={<TilesSkeleton label="Loading your control tests…" count={1} />}>
          <MyControlWork user={user} />
        </Suspense>

        {can(user.roles, "models.approve") || can(user.roles, "models.request_promotion") ? (
          <Suspense fallback={<TilesSkeleton label="Loading promotion requests…" count={1} />}>
            <PromotionsSummary user={user} />
          </Suspense>
        ) : null}

        {can(user.roles, "availability.incidents") ? (
          <Suspense fallback={<TilesSkeleton label="Loading availability…" count={1} />}>
            <AvailabilitySummary />
          </Suspense>
        ) : null}

        {can(user.roles, "privacy.requests_manage") ? (
          <Suspense fallback={<TilesSkeleton label="Loading privacy requests…" count={1} />}>
            <PrivacySummary />
          </Suspense>
        ) : null}

        {showUsers || showApiKeys ? (
          <section aria-labelledby="workspace-title">
            <h2 id="workspace-title" className="mb-3 text-sm font-semibold text-zinc-900">
              Workspace access
            </h2>
            <Suspense fallback={<TilesSkeleton label="Loading workspace figures…" count={(showUsers ? 3 : 0) + (showApiKeys ? 1 : 0)} />}>
              <WorkspaceStats showUsers={showUsers} showApiKeys={showApiKeys} />
            </Suspense>
          </section>
        ) : null}

        <section aria-labelledby="roles-title">
          <h2 id="roles-title" className="mb-3 text-sm font-semibold text-zinc-900">
            What you&apos;ll do here
          </h2>
          {user.roles.length > 0 ? (
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              {user.roles.map((role) => (
                <RoleCard key={role} label={ROLE_LABELS[role]} guide={ROLE_GUIDES[role]} />
              ))}
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-[13px] text-zinc-500">
              You have no roles yet, so there is nothing to do here for now. Ask an Assay administrator to grant you the role you need.
            </p>
          )}
        </section>
      </div>
    </>
  );
}
