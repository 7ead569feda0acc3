import { Badge } from "@/components/ui/badge";
import { REMEDIATION_LABELS, RESULT_LABELS, type RemediationStatus, type TestResult } from "@/lib/controls/vocabulary";

export type RecordView = {
  id: string;
  result: TestResult;
  testerName: string;
  testedOn: string;
  procedureFollowed: string;
  findings: string;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  recordedByName: string;
  recordedAt: string;
  evidence: { id: string; filename: string; sha256: string }[];
  remediation: {
    id: string;
    ownerName: string;
    dueOn: string;
    status: RemediationStatus;
    plan: string;
    closingNote: string | null;
    closedAt: string | null;
  } | null;
};

const TONE = { pass: "green", fail: "red", partial: "amber" } as const;

/** One locked record. A superseded one stays, marked, with a pointer to its correction. */
export function ResultRecord({ record, remediationSlot }: { record: RecordView; remediationSlot?: React.ReactNode }) {
  const superseded = record.supersededById !== null;
  return (
    <article
      aria-label={`Record of ${record.testedOn}: ${RESULT_LABELS[record.result]}${superseded ? " (superseded)" : ""}`}
      className={`rounded-lg border p-4 ${superseded ? "border-dashed border-zinc-300 bg-zinc-50" : "border-zinc-200 bg-white"}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[record.result]}>{RESULT_LABELS[record.result]}</Badge>
        <span className="text-[13px] font-medium text-zinc-900">
          Tested {record.testedOn} by {record.testerName}
        </span>
        <Badge>Locked</Badge>
        {record.supersedesId ? <Badge tone="accent">Correction</Badge> : null}
        {superseded ? <Badge tone="amber">Superseded by a correction</Badge> : null}
        <span className="ml-auto text-xs text-zinc-500">
          recorded {record.recordedAt.slice(0, 16).replace("T", " ")} UTC by {record.recordedByName}
        </span>
      </header>
      {record.correctionReason ? (
        <p className="mt-2 text-[13px] text-zinc-700">
          <span className="font-medium">Why corrected: </span>
          {record.correctionReason}
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-2">
        <div>
          <dt className="text-xs text-zinc-500">Procedure followed</dt>
          <dd className="whitespace-pre-line text-zinc-800">{record.procedureFollowed}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500">Findings</dt>
          <dd className="whitespace-pre-line text-zinc-800">{record.findings || "—"}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-xs text-zinc-500">Evidence relied on</dt>
          <dd>
            {record.evidence.length === 0 ? (
              <span className="text-zinc-400">None</span>
            ) : (
              <ul className="space-y-0.5">
                {record.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={`/api/controls/evidence/${e.id}`} className="text-accent-700 hover:underline" download>
                      {e.filename}
                    </a>{" "}
                    <code className="font-mono text-xs text-zinc-500">sha256:{e.sha256.slice(0, 16)}…</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {record.remediation ? (
        <section aria-label="Remediation" className="mt-3 rounded-md border border-amber-200 bg-amber-50/60 p-3 text-[13px]">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-zinc-900">Remediation</span>
            <Badge tone={record.remediation.status === "closed" ? "green" : "amber"}>{REMEDIATION_LABELS[record.remediation.status]}</Badge>
            <span className="text-zinc-600">
              {record.remediation.ownerName} · due {record.remediation.dueOn}
            </span>
          </div>
          {record.remediation.plan ? <p className="mt-1 text-zinc-700">{record.remediation.plan}</p> : null}
          {record.remediation.closingNote ? (
            <p className="mt-1 text-zinc-700">
              <span className="font-medium">
                Closed{record.remediation.closedAt ? ` ${record.remediation.closedAt.slice(0, 10)}` : ""}:{" "}
              </span>
              {record.remediation.closingNote}
            </p>
          ) : null}
          {remediationSlot}
        </section>
      ) : null}
    </article>
  );
}
