import type { Metadata } from "next";
import { Suspense } from "react";
import { ConsentCheckForm } from "@/components/privacy/consent-check-form";
import { ConsentsManager } from "@/components/privacy/consents-manager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { checkConsentAction, importConsentsAction, recordConsentAction, withdrawConsentAction } from "@/lib/privacy/actions";
import { listRecentConsents } from "@/lib/privacy/queries";
import { purposeOptions } from "../load-purposes";

export const metadata: Metadata = { title: "Consents" };

export default async function ConsentsPage() {
  const user = await requirePagePermission("privacy.read", "/privacy/consents");
  const purposes = await purposeOptions();
  return (
    <>
      <PageHeader
        title="Consents"
        description="Append-only consent history: a withdrawal or renewal is a new record, and the current state is derived from the newest record per purpose."
      />
      <div className="space-y-6">
        {can(user.roles, "consent.check") ? (
          <Card>
            <CardHeader
              title="Check consent"
              description="The same answer services get from POST /api/v1/consent/check. A denial is audited without the identifier."
            />
            <CardBody>
              <ConsentCheckForm action={checkConsentAction} purposes={purposes} />
            </CardBody>
          </Card>
        ) : null}
        <Suspense fallback={<TableSkeleton label="Loading consent records…" />}>
          <ConsentList purposes={purposes} canWrite={can(user.roles, "consent.write")} />
        </Suspense>
      </div>
    </>
  );
}

async function ConsentList({ purposes, canWrite }: { purposes: Awaited<ReturnType<typeof purposeOptions>>; canWrite: boolean }) {
  const consents = await listRecentConsents();
  const actions = canWrite ? { record: recordConsentAction, withdraw: withdrawConsentAction, import: importConsentsAction } : null;
  return <ConsentsManager consents={consents} purposes={purposes} actions={actions} />;
}
