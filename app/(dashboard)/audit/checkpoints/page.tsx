import type { Metadata } from "next";
import { Suspense } from "react";
import { RowsSkeleton } from "@/components/audit/audit-skeletons";
import { CheckpointTable } from "@/components/audit/checkpoint-table";
import { ExportBundleForm } from "@/components/audit/export-bundle-form";
import { SignCheckpointForm } from "@/components/audit/sign-checkpoint-form";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { createCheckpointAction } from "@/lib/audit/actions";
import { listCheckpoints } from "@/lib/audit/checkpoints";
import { checkpointOrigin, signingKeys } from "@/lib/audit/signing-key";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Audit checkpoints" };

// A bounded list: the chain may carry thousands; every one of them is in the evidence bundle.
const SHOWN = 25;

export default async function CheckpointsPage() {
  const user = await requirePagePermission("audit.read", "/audit/checkpoints");
  const signing = signingKeys() !== null;
  return (
    <>
      <PageHeader
        title="Signed checkpoints"
        description="Each checkpoint is an Ed25519 signature over the log's size and head hash at a moment. Keep one outside Assay: verifying against it later proves the history up to it was not rewritten or cut."
        actions={
          signing ? (
            <>
              <a href="/api/audit/public-key" download className={buttonClass("secondary", "sm")}>
                Download public key
              </a>
              <a href="/api/audit/checkpoints/latest" download className={buttonClass("secondary", "sm")}>
                Download latest checkpoint
              </a>
            </>
          ) : null
        }
      />
      <div className="space-y-6">
        {signing ? null : (
          <Notice tone="warning">
            No signing key is configured (ASSAY_AUDIT_SIGNING_KEY / ASSAY_AUDIT_PUBLIC_KEY), so no checkpoints are signed. The hash chain is
            still verified.
          </Notice>
        )}
        <Card>
          <CardHeader
            title="Checkpoints"
            description={
              <>
                Origin <code className="font-mono">{checkpointOrigin()}</code>, newest first. The latest {SHOWN} are shown; the evidence
                bundle carries them all.
              </>
            }
            actions={signing && can(user.roles, "audit.checkpoint") ? <SignCheckpointForm action={createCheckpointAction} /> : null}
          />
          <Suspense fallback={<RowsSkeleton label="Loading checkpoints…" rows={5} />}>
            <CheckpointList />
          </Suspense>
        </Card>
        {can(user.roles, "audit.export") ? <ExportCard /> : null}
      </div>
    </>
  );
}

async function CheckpointList() {
  return <CheckpointTable checkpoints={await listCheckpoints(undefined, SHOWN)} />;
}

function ExportCard() {
  return (
    <Card>
      <CardHeader
        id="export"
        title="Export evidence bundle"
        description="The events (canonical text and hashes), the checkpoints, the public key and a signed manifest, as one .tar.gz."
      />
      <CardBody className="space-y-5">
        <ExportBundleForm />
        <div className="rounded-md bg-zinc-50 p-4 text-[13px] text-zinc-700 ring-1 ring-zinc-200 ring-inset">
          <h3 className="font-medium text-zinc-900">Verify it offline, without Assay or its database</h3>
          <p className="mt-1">With Node.js, from a copy of Assay&apos;s source (or wherever the verifier is installed):</p>
          <pre className="mt-2 overflow-x-auto rounded bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100">
            {
              "npx assay-verify assay-audit-<date>.tar.gz\nnpx assay-verify assay-audit-<date>.tar.gz --checkpoint assay-checkpoint-<size>.json --json"
            }
          </pre>
          <p className="mt-2 text-xs text-zinc-500">
            It re-hashes every event, checks every link and checkpoint signature, and prints the same verdict as the Verify tab (exit code 0
            when the bundle verifies). The format is documented in docs/audit-log-format.md.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}
