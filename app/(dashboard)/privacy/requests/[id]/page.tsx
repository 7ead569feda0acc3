import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessReportView } from "@/components/privacy/access-report-view";
import { PrintButton } from "@/components/privacy/print-button";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { isAppError } from "@/lib/errors";
import { getAccessReport } from "@/lib/privacy/report";

export const metadata: Metadata = { title: "Access report" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The printable access report of one request. */
export default async function AccessReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("privacy.requests_manage", `/privacy/requests/${id}`);
  if (!UUID.test(id)) notFound();
  const report = await getAccessReport(id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  return (
    <>
      <PageHeader
        title="Access report"
        description="Everything Assay holds about this subject: consent history, the processing that applies, recipients and retention."
        actions={
          <>
            <a href={`/api/privacy/requests/${id}/report`} className={buttonClass("secondary", "md", "print:hidden")}>
              Download JSON
            </a>
            <PrintButton />
          </>
        }
      />
      <AccessReportView report={report} />
    </>
  );
}
