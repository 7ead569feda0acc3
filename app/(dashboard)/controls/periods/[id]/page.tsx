import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/calendar/state-badge";
import { ChecklistSection } from "@/components/controls/checklist-section";
import { GenerateScheduleForm } from "@/components/controls/period-forms";
import { ReadinessCard } from "@/components/controls/readiness-card";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { generateScheduleAction, linkChecklistEvidenceAction, updateChecklistItemAction } from "@/lib/controls/actions";
import { getPeriod, listControls, listPeople } from "@/lib/controls/queries";
import { getCoverage } from "@/lib/controls/readiness-queries";
import { listEvidence } from "@/lib/controls/test-queries";
import { todayUtc } from "@/lib/controls/today";
import { REMEDIATION_LABELS } from "@/lib/controls/vocabulary";

export const metadata: Metadata = { title: "Coverage and readiness" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PeriodPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("controls.read", `/controls/periods/${id}`);
  if (!UUID.test(id)) notFound();
  const period = await getPeriod(id);
  if (!period) notFound();
  const today = todayUtc();
  const manage = can(user.roles, "controls.manage");
  const contribute = can(user.roles, "controls.contribute");
  const [coverage, controls, people, evidence] = await Promise.all([
    getCoverage(period, today),
    listControls(),
    manage ? listPeople() : [],
    contribute ? listEvidence(200) : [],
  ]);
  const penalty = Math.min(10, coverage.evidenceOutside.length);
  return (
    <>
      <PageHeader
        title={period.name}
        description={`Observation window ${period.startsOn} – ${period.endsOn}: ${coverage.counts.total} tests scheduled, ${coverage.counts.due} due so far (as of ${today}).`}
        actions={
          <>
            {can(user.roles, "controls.export") ? (
              <a href={`/api/controls/export?period=${period.id}`} className={buttonClass("secondary", "sm")} download>
                Download CSV
              </a>
            ) : null}
          </>
        }
      />
      <div className="space-y-6">
        {manage ? (
          <GenerateScheduleForm
            action={generateScheduleAction}
            periodId={period.id}
            periodName={period.name}
            generated={period.scheduleGeneratedAt !== null}
          />
        ) : null}
        <ReadinessCard readiness={coverage.readiness} penalty={penalty} />
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader
              title="Never performed"
              description={`${coverage.neverPerformedCount} tests passed their due day without a result.`}
            />
            <OccurrenceList
              items={coverage.neverPerformed.map((o) => ({
                id: o.id,
                title: `${o.controlCode} ${o.controlName}`,
                meta: `due ${o.dueOn} · ${o.ownerName}`,
                state: o.state,
              }))}
              empty="Every due test has a result."
            />
          </Card>
          <Card>
            <CardHeader title="Failing results and remediation" description="Tests whose standing result is a fail or partial." />
            <OccurrenceList
              items={coverage.failing.map((o) => ({
                id: o.id,
                title: `${o.controlCode} ${o.controlName}`,
                meta: `tested ${o.testedOn} · remediation ${o.remediationStatus ? REMEDIATION_LABELS[o.remediationStatus].toLowerCase() : "missing"}${o.remediationOwner ? ` (${o.remediationOwner}, due ${o.remediationDueOn})` : ""}`,
                state: o.state,
              }))}
              empty="No failing results."
            />
          </Card>
        </div>
        <Card>
          <CardHeader
            title="Evidence outside the period"
            description="Linked to this period's tests but dated outside it: it will not count for this report."
          />
          {coverage.evidenceOutside.length === 0 ? (
            <p className="px-5 py-4 text-[13px] text-zinc-500">All linked evidence is dated within the period.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-[13px]">
              {coverage.evidenceOutside.map((e) => (
                <li key={`${e.id}-${e.occurrenceId}`} className="flex flex-wrap gap-x-3 px-5 py-2.5">
                  <a href={`/api/controls/evidence/${e.id}`} className="font-medium text-accent-700 hover:underline" download>
                    {e.filename}
                  </a>
                  <span className="text-zinc-500">dated {e.evidenceDate}</span>
                  <Link href={`/controls/tests/${e.occurrenceId}`} className="text-zinc-600 hover:underline">
                    supports a {e.controlCode} test
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <ChecklistSection
          items={coverage.checklist}
          currentUserId={user.id}
          manage={manage}
          contribute={contribute}
          owners={manage ? people.map((p) => ({ value: p.id, label: p.name })) : null}
          evidence={evidence.map((e) => ({ value: e.id, label: `${e.filename} · ${e.evidenceDate}` }))}
          actions={{ update: updateChecklistItemAction, link: linkChecklistEvidenceAction }}
        />
        <Card>
          <CardHeader
            title="Per-control reports"
            description="A printable report of each control's tests, results, remediation and evidence hashes in this period."
          />
          <ul className="grid grid-cols-1 gap-x-6 px-5 py-3 text-[13px] sm:grid-cols-2 lg:grid-cols-3">
            {controls.map((c) => (
              <li key={c.id} className="py-1">
                <a
                  href={`/api/controls/report?control=${c.id}&period=${period.id}`}
                  target="_blank"
                  rel="noopener"
                  className="text-accent-700 hover:underline"
                >
                  Report: {c.code} {c.name}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

function OccurrenceList({
  items,
  empty,
}: {
  items: { id: string; title: string; meta: string; state: Parameters<typeof StateBadge>[0]["state"] }[];
  empty: string;
}) {
  if (items.length === 0) return <p className="px-5 py-4 text-[13px] text-zinc-500">{empty}</p>;
  return (
    <ul className="max-h-96 divide-y divide-zinc-100 overflow-y-auto text-[13px]">
      {items.map((i) => (
        <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5">
          <StateBadge state={i.state} />
          <Link href={`/controls/tests/${i.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
            {i.title}
          </Link>
          <span className="text-xs text-zinc-500">{i.meta}</span>
        </li>
      ))}
    </ul>
  );
}
