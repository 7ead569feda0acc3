import type { Metadata } from "next";
import { EvidenceTable } from "@/components/controls/evidence-table";
import { EvidenceUpload } from "@/components/controls/evidence-upload";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { listEvidence } from "@/lib/controls/test-queries";
import { todayUtc } from "@/lib/controls/today";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const user = await requirePagePermission("controls.read", "/controls/evidence");
  const evidence = await listEvidence(200);
  return (
    <>
      <PageHeader
        title="Evidence"
        description="Files that support control tests, stored with their SHA-256. One file can support several tests; attach it from each test's page."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader title="Latest evidence" description="The 200 most recent uploads." />
          <EvidenceTable
            caption="Evidence"
            rows={evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() }))}
            empty={<EmptyState title="No evidence yet" />}
          />
        </Card>
        {can(user.roles, "controls.contribute") ? (
          <Card>
            <CardHeader title="Upload evidence" description="Attach it to tests afterwards, or upload it from a test's page directly." />
            <CardBody>
              <EvidenceUpload today={todayUtc()} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
