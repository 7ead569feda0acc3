import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/audit/event-display";
import { AsOfPanel } from "@/components/models/as-of-panel";
import { asOfView, timelineView } from "./history-views";
import { ModelActions } from "@/components/models/model-actions";
import type { VersionRow } from "@/components/models/model-row";
import { ModelTimeline } from "@/components/models/model-timeline";
import { VersionsTable } from "@/components/models/versions-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { registerVersionAction, setThresholdsAction } from "@/lib/governance/actions";
import { parseAsOf } from "@/lib/governance/as-of-param";
import { formatThresholds, OP_SYMBOL } from "@/lib/governance/metric-text";
import { getModelByKey, getModelTimeline, getProductionAsOf, listModelVersions } from "@/lib/governance/queries";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Model ${(await params).key}` };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const { key } = await params;
  const user = await requirePagePermission("models.read", `/models/${key}`);
  const model = await getModelByKey(key);
  if (!model) notFound();
  const asOf = parseAsOf((await searchParams).asOf);
  const [versions, timeline, asOfResult] = await Promise.all([
    listModelVersions(model.id),
    getModelTimeline(model.id),
    asOf.state === "ok" ? getProductionAsOf(model.id, asOf.at) : null,
  ]);
  const rows: VersionRow[] = versions.map((v) => ({
    ...v,
    createdAt: v.createdAt.toISOString(),
    statusChangedAt: v.statusChangedAt.toISOString(),
  }));
  const production = versions.find((v) => v.status === "production");

  return (
    <>
      <PageHeader
        title={model.name}
        description={
          <>
            <code className="font-mono">{model.key}</code> · owned by {model.owner}
            {model.description ? <span className="mt-1 block">{model.description}</span> : null}
          </>
        }
        actions={
          <ModelActions
            modelId={model.id}
            thresholds={formatThresholds(model.thresholds)}
            actions={{
              registerVersion: can(user.roles, "models.write") ? registerVersionAction : undefined,
              setThresholds: can(user.roles, "models.thresholds_manage") ? setThresholdsAction : undefined,
            }}
          />
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Versions" description="Newest status change first. Open a version for its evidence, model card and history." />
          <VersionsTable modelKey={model.key} versions={rows} />
        </Card>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div id="as-of" className="scroll-mt-20 lg:col-span-2">
            <Card>
              <CardHeader
                title="Production at a point in time"
                description="Which version was in production at a given moment, and who approved it, from the recorded transitions."
              />
              <AsOfPanel
                modelKey={model.key}
                modelName={model.name}
                value={asOf.state === "empty" ? "" : asOf.value}
                error={asOf.state === "invalid" ? asOf.error : null}
                asked={asOf.state === "ok" ? asOf.at.toISOString() : null}
                result={asOfView(asOfResult)}
              />
            </Card>
          </div>
          <Card>
            <CardHeader title="Quality bar" description="Checked before any approval of a move to production." />
            <CardBody className="space-y-3 text-[13px]">
              <p>
                In production:{" "}
                {production ? (
                  <strong className="font-mono font-semibold text-emerald-700">{production.version}</strong>
                ) : (
                  <span className="text-zinc-500">no version</span>
                )}
                {production ? (
                  <span className="block text-xs text-zinc-500">since {formatUtc(production.statusChangedAt.toISOString())}</span>
                ) : null}
              </p>
              {model.thresholds.length > 0 ? (
                <ul aria-label="Metric thresholds" className="space-y-1">
                  {model.thresholds.map((t) => (
                    <li key={t.metric} className="font-mono text-xs text-zinc-700">
                      {t.metric} {OP_SYMBOL[t.op]} {t.value}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-zinc-500">No metric thresholds set: only the model card (and the other checks) apply.</p>
              )}
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardHeader title="Timeline" description="Every recorded status change of every version, newest first." />
          <ModelTimeline modelKey={model.key} entries={timelineView(timeline)} />
        </Card>
      </div>
    </>
  );
}
