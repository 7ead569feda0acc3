import type { Metadata } from "next";
import { Suspense } from "react";
import { StatTile } from "@/components/home/stat-tile";
import { DpExportForm } from "@/components/privacy/dp-export-form";
import { ConsentRateChart, ExpiringChart, WithdrawalsChart } from "@/components/privacy/privacy-charts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TilesSkeleton } from "@/components/ui/skeleton";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { monthlyActivity, openRequestCounts, purposeStats } from "@/lib/privacy/stats";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyOverviewPage() {
  const user = await requirePagePermission("privacy.read", "/privacy");
  return (
    <>
      <PageHeader
        title="Privacy"
        description="Consent per purpose, renewals due, withdrawals and data-subject requests. Subjects are stored only as keyed pseudonyms."
      />
      <Suspense fallback={<TilesSkeleton label="Loading privacy figures…" />}>
        <Overview canExport={can(user.roles, "privacy.export")} />
      </Suspense>
    </>
  );
}

async function Overview({ canExport }: { canExport: boolean }) {
  const [stats, months, requests] = await Promise.all([purposeStats(), monthlyActivity(), openRequestCounts()]);
  const rates = stats.purposes.map((p) => ({
    ...p,
    rate: stats.subjects === 0 ? 0 : Math.round((1000 * p.granted) / stats.subjects) / 10,
  }));
  const expiring = stats.purposes.reduce((n, p) => n + p.expiringSoon, 0);
  const withdrawals = months.reduce((n, m) => n + m.withdrawals, 0);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        <StatTile label="Subjects" value={stats.subjects} hint="with any consent record" href="/privacy/consents" />
        <StatTile
          label="Expiring in 30 days"
          value={expiring}
          hint="purpose consents to renew"
          href="/privacy/consents"
          attention={expiring > 0}
        />
        <StatTile
          label="Open requests"
          value={requests.open}
          hint={`${requests.overdue} overdue`}
          href="/privacy/requests"
          attention={requests.overdue > 0}
        />
        <StatTile label="Withdrawals" value={withdrawals} hint="in the last 12 months" href="/privacy/consents" />
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Consent rate per purpose" description="Subjects whose current consent allows the purpose." />
          <ConsentRateChart data={rates} subjects={stats.subjects} />
        </Card>
        <Card>
          <CardHeader title="Expiring soon" description="Granted consents that expire within 30 days." />
          <ExpiringChart data={rates} />
        </Card>
      </div>
      <Card>
        <CardHeader title="Withdrawals over time" description="Per month, beside grants." />
        <WithdrawalsChart data={months} />
      </Card>
      {canExport ? (
        <Card>
          <CardHeader
            title="Differentially private export"
            description="Counts for sharing outside the company, each with Laplace noise (sensitivity 1) drawn from a cryptographic random source. The file states the total ε spent."
          />
          <CardBody>
            <DpExportForm />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
