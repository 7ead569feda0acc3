import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/audit/event-display";
import { EvidenceList } from "@/components/models/evidence-list";
import { MetricsTable } from "@/components/models/metrics-table";
import { ModelCardView } from "@/components/models/model-card-view";
import { RequestStatusBadge, VersionStatusBadge } from "@/components/models/status-badge";
import { VersionActions } from "@/components/models/version-actions";
import { VersionHistory } from "@/components/models/version-history";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { replaceArtifactAction, requestPromotionAction, updateModelCardAction } from "@/lib/governance/actions";
import { ARTIFACT_MUTABLE, nextStatus, STATUS_LABELS } from "@/lib/governance/lifecycle";
import { getModelByKey, getVersionDetail, getVersionHistory, listApprovalPolicies, listVersionRequests } from "@/lib/governance/queries";

type Props = { params: Promise<{ key: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key, version } = await params;
  return { title: `${key} ${decodeURIComponent(version)}` };
}

export default async function VersionPage({ params }: Props) {
  const { key, version: rawVersion } = await params;
  const versionString = decodeURIComponent(rawVersion);
  const user = await requirePagePermission("models.read", `/models/${key}/versions/${rawVersion}`);
  const model = await getModelByKey(key);
  const version = model ? await getVersionDetail(model.id, versionString) : null;
  if (!model || !version) notFound();
  const [history, requests, policies] = await Promise.all([
    getVersionHistory(version.id),
    listVersionRequests(version.id),
    listApprovalPolicies(),
  ]);
  const next = nextStatus(version.status);
  const canWrite = can(user.roles, "models.write");
  const promotion =
    next && !version.openRequest && can(user.roles, "models.request_promotion")
      ? { toStatus: next, requiredRoles: policies.find((p) => p.toStatus === next)?.requiredRoles ?? [] }
      : null;

  return (
    <>
      <PageHeader
        title={`${model.name} ${version.version}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <VersionStatusBadge status={version.status} />
            <span>
              since {formatUtc(version.statusChangedAt.toISOString())} · registered {formatUtc(version.createdAt.toISOString())} by{" "}
              {version.registeredBy ?? "unknown"} ·{" "}
              <Link href={`/models/${model.key}`} className="font-medium text-accent-700 hover:underline">
                all versions
              </Link>
            </span>
          </span>
        }
        actions={
          <VersionActions
            versionId={version.id}
            card={version.card}
            hasOpenRequest={version.openRequest !== null}
            promotion={promotion}
            actions={{
              requestPromotion: requestPromotionAction,
              updateCard: canWrite && version.status !== "retired" ? updateModelCardAction : undefined,
              replaceArtifact: canWrite && ARTIFACT_MUTABLE.includes(version.status) ? replaceArtifactAction : undefined,
            }}
          />
        }
      />
      {version.openRequest ? (
        <div className="mb-6">
          <Notice tone="info">
            A request to move this version to {STATUS_LABELS[version.openRequest.toStatus].toLowerCase()} is open.{" "}
            <Link href={`/models/requests/${version.openRequest.id}`} className="font-medium text-accent-700 hover:underline">
              Open the request →
            </Link>
          </Notice>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card>
            <CardHeader title="Metrics" description="As reported at registration, against the model's thresholds." />
            <MetricsTable metrics={version.metrics} thresholds={model.thresholds} />
          </Card>
          <Card>
            <CardHeader title="Model card" />
            <ModelCardView card={version.card} />
          </Card>
          <Card>
            <CardHeader title="History" description="Everything recorded about this version in the audit log, refused attempts included." />
            <VersionHistory events={history.map((h) => ({ ...h, occurredAt: h.occurredAt.toISOString() }))} />
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Evidence" />
            <EvidenceList
              artifactUri={version.artifactUri}
              artifactDigest={version.artifactDigest}
              trainingDataHash={version.trainingDataHash}
            />
          </Card>
          <Card>
            <CardHeader title="Promotion requests" />
            {requests.length === 0 ? (
              <p className="px-5 py-4 text-[13px] text-zinc-500">None yet.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {requests.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-[13px]">
                    <Link href={`/models/requests/${r.id}`} className="font-medium text-accent-700 hover:underline">
                      To {STATUS_LABELS[r.toStatus].toLowerCase()}
                    </Link>
                    <span className="text-xs text-zinc-500">{formatUtc(r.createdAt.toISOString()).slice(0, 10)}</span>
                    <RequestStatusBadge status={r.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
