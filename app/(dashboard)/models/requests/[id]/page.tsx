import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/audit/event-display";
import { ApprovalProgress } from "@/components/models/approval-progress";
import { DecisionList } from "@/components/models/decision-list";
import { DecisionPanel } from "@/components/models/decision-panel";
import { EvidenceList } from "@/components/models/evidence-list";
import { GateResults } from "@/components/models/gate-results";
import { MetricsTable } from "@/components/models/metrics-table";
import { ModelCardView } from "@/components/models/model-card-view";
import { RequestStatusBadge, VersionStatusBadge } from "@/components/models/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { approveRequestAction, cancelRequestAction, rejectRequestAction } from "@/lib/governance/actions";
import { isModelStatus, STATUS_LABELS } from "@/lib/governance/lifecycle";
import { getRequestView } from "@/lib/governance/queries";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Promotion request" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything needed to decide, on one page: evidence, checks, who approved, who is still needed. */
export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePagePermission("models.read", `/models/requests/${id}`);
  const view = UUID.test(id) ? await getRequestView(id, user) : null;
  if (!view) notFound();
  const versionHref = `/models/${view.model.key}/versions/${encodeURIComponent(view.version.version)}`;
  const failing = view.gates.filter((g) => !g.passed).length;
  // Open: against what runs now. Approved to production: against what it replaced.
  const compareWith = view.production
    ? {
        version: view.production.version,
        metrics: view.production.metrics,
        description: `Beside ${view.production.version}, in production now.`,
      }
    : view.replaced
      ? {
          version: view.replaced.version,
          metrics: view.replaced.metrics,
          label: "Replaced",
          description: `Beside ${view.replaced.version}, which this request moved out of production.`,
        }
      : null;

  return (
    <>
      <PageHeader
        title={`Promote ${view.model.name} ${view.version.version} to ${STATUS_LABELS[view.toStatus].toLowerCase()}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <RequestStatusBadge status={view.status} />
            <span>
              Requested by {view.requester.name} on {formatUtc(view.createdAt.toISOString())} · the version is now{" "}
            </span>
            {isModelStatus(view.version.status) ? <VersionStatusBadge status={view.version.status} /> : null}
            <Link href={versionHref} className="font-medium text-accent-700 hover:underline">
              version page
            </Link>
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card>
            <CardHeader title="Justification" />
            <p className="px-5 py-4 text-[13px] whitespace-pre-line text-zinc-800">{view.justification}</p>
            {view.closedAt ? (
              <p className="border-t border-zinc-100 px-5 py-3 text-xs text-zinc-500">
                Closed {formatUtc(view.closedAt.toISOString())}
                {view.closedBy ? ` by ${view.closedBy}` : ""}
                {view.closeReason ? `: ${view.closeReason}` : ""}
              </p>
            ) : null}
          </Card>
          {view.gates.length > 0 ? (
            <Card>
              <CardHeader
                title="Checks"
                description={
                  failing > 0
                    ? `${failing} failing: no one can approve until they pass.`
                    : "All pass. They are checked again at every approval."
                }
              />
              <GateResults gates={view.gates} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Metrics" description={compareWith ? compareWith.description : "No other version is in production."} />
            <MetricsTable metrics={view.version.metrics} thresholds={view.model.thresholds} production={compareWith} />
          </Card>
          <Card>
            <CardHeader title="Model card" />
            <ModelCardView card={view.version.card} />
          </Card>
          <Card>
            <CardHeader title="Evidence" description="Approvals are bound to this artifact digest: replacing the artifact voids them." />
            <EvidenceList
              artifactUri={view.version.artifactUri}
              artifactDigest={view.artifactDigest}
              trainingDataHash={view.version.trainingDataHash}
            />
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <div className="space-y-6">
            <Card>
              <CardHeader
                title="Approvals"
                description={
                  view.status === "open"
                    ? `${view.remaining.length} of ${view.requiredRoles.length} still needed, each from a different person.`
                    : undefined
                }
              />
              <ApprovalProgress required={view.requiredRoles} filled={view.filled} closed={view.status !== "open"} />
            </Card>
            <Card>
              <CardHeader title="Your decision" />
              <DecisionPanel
                requestId={view.id}
                open={view.status === "open"}
                isRequester={view.viewer.isRequester}
                approveAs={view.viewer.approveAs}
                canReject={view.viewer.canReject}
                reason={view.viewer.reason}
                gatesFailing={failing}
                actions={{ approve: approveRequestAction, reject: rejectRequestAction, cancel: cancelRequestAction }}
              />
            </Card>
            <Card>
              <CardHeader title="Decisions" />
              <DecisionList
                decisions={view.decisions.map((d) => ({
                  ...d,
                  by: d.by.name,
                  createdAt: d.createdAt.toISOString(),
                  voidedAt: d.voidedAt?.toISOString() ?? null,
                }))}
              />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
