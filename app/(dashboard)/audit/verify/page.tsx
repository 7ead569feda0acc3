import type { Metadata } from "next";
import Link from "next/link";
import { VerifyForm } from "@/components/audit/verify-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { chainHead } from "@/lib/audit/queries";

export const metadata: Metadata = { title: "Verify the audit chain" };

export default async function VerifyPage() {
  await requirePagePermission("audit.verify", "/audit/verify");
  const head = await chainHead();
  return (
    <>
      <PageHeader
        title="Verify the chain"
        description="Recomputes every event's hash from its stored canonical text, checks each link to the event before, every query column and every signed checkpoint, and reports the first failure."
      />
      <Card>
        <CardHeader
          title="Verify chain"
          description={
            <>
              Each run is itself recorded in the audit log. To check an export without Assay, see{" "}
              <Link href="/audit/checkpoints#export" className="font-medium text-accent-700 hover:underline">
                evidence bundles
              </Link>
              .
            </>
          }
        />
        <CardBody>
          <VerifyForm headSeq={head.seq} />
        </CardBody>
      </Card>
    </>
  );
}
