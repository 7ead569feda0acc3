import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/calendar/state-badge";
import { AttachEvidenceForm } from "@/components/controls/attach-evidence-form";
import { EvidenceTable } from "@/components/controls/evidence-table";
import { EvidenceUpload } from "@/components/controls/evidence-upload";
import { RecordResultForm } from "@/components/controls/record-result-form";
import { RemediationForm } from "@/components/controls/remediation-form";
import { ResultRecord, type RecordView } from "@/components/controls/result-record";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { linkEvidenceAction, recordResultAction, updateRemediationAction } from "@/lib/controls/actions";
import { listPeople } from "@/lib/controls/queries";
import { getOccurrenceDetail, listEvidence } from "@/lib/controls/test-queries";
import { todayUtc } from "@/lib/controls/today";
import { FREQUENCY_LABELS, type Frequency } from "@/lib/controls/vocabulary";

export const metadata: Metadata = { title: "Control test" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ControlTestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("controls.read", `/controls/tests/${id}`);
  if (!UUID.test(id)) notFound();
  const today = todayUtc();
  const detail = await getOccurrenceDetail(id, today);
  if (!detail) notFound();
  const mayWork = can(user.roles, "controls.contribute") && (detail.ownerId === user.id || can(user.roles, "controls.manage"));
  const [people, library] = mayWork ? await Promise.all([listPeople(), listEvidence(200)]) : [[], []];
  const peopleOptions = people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
  const evidenceById = new Map(detail.evidence.map((e) => [e.id, e]));
  const standing = detail.records.find((r) => r.supersededById === null) ?? null;
  const records: RecordView[] = detail.records.map((r) => ({
    ...r,
    recordedAt: r.recordedAt.toISOString(),
    evidence: r.evidenceIds
      .map((eid) => evidenceById.get(eid))
      .filter((e) => e !== undefined)
      .map((e) => ({ id: e.id, filename: e.filename, sha256: e.sha256 })),
    remediation: r.remediation ? { ...r.remediation, closedAt: r.remediation.closedAt?.toISOString() ?? null } : null,
  }));
  const linked = new Set(detail.evidence.map((e) => e.id));
  const attachable = library
    .filter((e) => !linked.has(e.id))
    .map((e) => ({ value: e.id, label: `${e.filename} · ${e.evidenceDate} · ${e.sha256.slice(0, 8)}` }));

  return (
    <>
      <p className="mb-2 text-[13px] print:hidden">
        <Link href={`/controls/calendar?month=${detail.dueOn.slice(0, 7)}`} className="text-accent-700 hover:underline">
          ← Back to the calendar
        </Link>
      </p>
      <PageHeader
        title={`${detail.controlCode} ${detail.controlName}`}
        description={
          <>
            {FREQUENCY_LABELS[detail.frequency as Frequency]} test covering {detail.windowStart} – {detail.windowEnd}, due {detail.dueOn} ·
            owner {detail.ownerName} · period {detail.periodName}
          </>
        }
        actions={<StateBadge state={detail.state} />}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-5">
        <div className="space-y-6 xl:col-span-3">
          <Card>
            <CardHeader title="Test procedure" />
            <CardBody>
              <p className="text-[13px] whitespace-pre-line text-zinc-700">{detail.testProcedure}</p>
            </CardBody>
          </Card>
          <section aria-labelledby="records-title" className="space-y-3">
            <h2 id="records-title" className="text-sm font-semibold text-zinc-900">
              Recorded results
            </h2>
            {records.length === 0 ? (
              <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-[13px] text-zinc-500">Not performed yet.</p>
            ) : (
              records.map((r) => (
                <ResultRecord
                  key={r.id}
                  record={r}
                  remediationSlot={
                    mayWork && r.remediation && r.remediation.status !== "closed" ? (
                      <RemediationForm action={updateRemediationAction} remediationId={r.remediation.id} status={r.remediation.status} />
                    ) : null
                  }
                />
              ))
            )}
          </section>
          {mayWork ? (
            <Card>
              <CardHeader
                title={standing ? "Correct the standing record" : "Record the result"}
                description={
                  standing
                    ? "Recorded results are locked. A correction is a new record linked to the one it corrects; both stay visible."
                    : "Once recorded, the result is locked."
                }
              />
              <CardBody>
                <RecordResultForm
                  action={recordResultAction}
                  occurrenceId={detail.id}
                  people={peopleOptions}
                  currentUserId={user.id}
                  today={today}
                  defaultProcedure={standing?.procedureFollowed ?? detail.testProcedure}
                  evidence={detail.evidence.map((e) => ({ value: e.id, label: `${e.filename} (evidence date ${e.evidenceDate})` }))}
                  supersedes={standing?.id}
                />
              </CardBody>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6 xl:col-span-2">
          <Card>
            <CardHeader
              title="Evidence"
              description="Files supporting this test. Downloads are checked against the SHA-256 recorded at upload."
            />
            <EvidenceTable
              compact
              caption="Evidence for this test"
              rows={detail.evidence.map((e) => ({
                ...e,
                uploadedAt: e.uploadedAt.toISOString(),
                outsidePeriod: e.evidenceDate < detail.periodStartsOn || e.evidenceDate > detail.periodEndsOn,
              }))}
              empty={<p className="px-5 py-4 text-[13px] text-zinc-500">No evidence attached yet.</p>}
            />
            {mayWork ? (
              <CardBody className="space-y-5 border-t border-zinc-100">
                <EvidenceUpload occurrenceId={detail.id} today={today} />
                {attachable.length > 0 ? (
                  <AttachEvidenceForm
                    action={linkEvidenceAction}
                    hidden={{ occurrenceId: detail.id }}
                    field="evidenceId"
                    options={attachable}
                    label="Or attach existing evidence"
                  />
                ) : null}
              </CardBody>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
