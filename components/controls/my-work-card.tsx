import Link from "next/link";
import { StateBadge } from "@/components/calendar/state-badge";
import { CardHeader } from "@/components/ui/card";
import { REMEDIATION_LABELS, type OccurrenceState, type RemediationStatus } from "@/lib/controls/vocabulary";

type Test = { id: string; controlCode: string; controlName: string; dueOn: string; state: OccurrenceState };
type Remediation = {
  id: string;
  occurrenceId: string;
  controlCode: string;
  controlName: string;
  dueOn: string;
  status: RemediationStatus;
  overdue: boolean;
};

/** An owner's control work: unrecorded tests overdue or due within a week, and open remediation. */
export function MyControlWorkCard({ tests, remediations }: { tests: Test[]; remediations: Remediation[] }) {
  const overdue = tests.filter((t) => t.state === "overdue").length;
  return (
    <section aria-labelledby="my-controls-title" className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <CardHeader
        id="my-controls-title"
        title="Your control tests"
        description={
          tests.length + remediations.length === 0
            ? "Nothing due: none of your controls has a test overdue or due within a week."
            : `${overdue} overdue, ${tests.length - overdue} due within a week, ${remediations.length} open remediation${remediations.length === 1 ? "" : "s"}.`
        }
        actions={
          <Link href="/controls/calendar" className="text-[13px] font-medium text-accent-700 hover:underline">
            Open the calendar
          </Link>
        }
      />
      {tests.length + remediations.length > 0 ? (
        <ul className="divide-y divide-zinc-100 text-[13px]">
          {tests.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5">
              <StateBadge state={t.state} />
              <Link href={`/controls/tests/${t.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                {t.controlCode} {t.controlName}
              </Link>
              <span className="text-xs text-zinc-500">due {t.dueOn}</span>
            </li>
          ))}
          {remediations.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5">
              <span
                className={`rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${r.overdue ? "bg-red-50 text-red-700 ring-red-200" : "bg-amber-50 text-amber-800 ring-amber-200"}`}
              >
                Remediation {REMEDIATION_LABELS[r.status].toLowerCase()}
              </span>
              <Link href={`/controls/tests/${r.occurrenceId}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                {r.controlCode} {r.controlName}
              </Link>
              <span className={`text-xs ${r.overdue ? "font-medium text-red-700" : "text-zinc-500"}`}>due {r.dueOn}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
