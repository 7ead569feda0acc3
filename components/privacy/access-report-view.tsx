import { Badge } from "@/components/ui/badge";
import type { AccessReport } from "@/lib/privacy/report";
import { formatDate, humanize, REASON_LABELS, SOURCE_LABELS } from "./purpose-options";

const th = "border-b border-zinc-200 px-3 py-1.5 text-left text-xs font-medium text-zinc-500";
const td = "border-b border-zinc-100 px-3 py-1.5 align-top text-[13px] text-zinc-700";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid">
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">{title}</h2>
      {children}
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  if (rows.length === 0) return <p className="text-[13px] text-zinc-500">None.</p>;
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col" className={th}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => (
              <td key={j} className={td}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The printable access report: the same content as the JSON download. */
export function AccessReportView({ report }: { report: AccessReport }) {
  return (
    <article className="space-y-6 rounded-lg border border-zinc-200 bg-white p-6 shadow-xs print:border-0 print:p-0 print:shadow-none">
      <header className="text-[13px] text-zinc-600">
        <p>
          Subject <code className="font-mono">{report.subject}</code> · {humanize(report.request.type)} request received{" "}
          {formatDate(report.request.receivedAt)}, due {formatDate(report.request.dueAt)} · generated {formatDate(report.generatedAt)}
        </p>
      </header>
      <Section title="Current consent">
        <Table
          caption="Current consent per purpose"
          head={["Purpose", "State"]}
          rows={report.currentConsent.map((c) => [
            c.label,
            <Badge key="s" tone={c.allowed ? "green" : "neutral"}>
              {REASON_LABELS[c.reason] ?? c.reason}
            </Badge>,
          ])}
        />
      </Section>
      <Section title="Consent history">
        <Table
          caption="Consent history"
          head={["Recorded", "Decision", "Purposes", "Policy", "Source", "Expires"]}
          rows={report.consentHistory.map((r) => [
            formatDate(r.recordedAt),
            humanize(r.status),
            r.purposes.map(humanize).join(", "),
            r.policyVersion,
            SOURCE_LABELS[r.source] ?? r.source,
            r.status === "withdrawn" ? "—" : formatDate(r.expiresAt),
          ])}
        />
      </Section>
      <Section title="Processing activities that apply">
        <Table
          caption="Processing activities"
          head={["Activity", "Purpose", "Data categories", "Legal basis", "Retention"]}
          rows={report.processingActivities.map((a) => [
            a.name,
            humanize(a.purpose),
            a.dataCategories.join(", "),
            humanize(a.legalBasis),
            `${a.retentionDays} days`,
          ])}
        />
      </Section>
      <Section title="Third parties the data was shared with">
        <p className="text-[13px] text-zinc-700">{report.thirdParties.length ? report.thirdParties.join(", ") : "None."}</p>
      </Section>
    </article>
  );
}
