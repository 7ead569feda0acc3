import type { Metadata } from "next";
import { formatUtc } from "@/components/format";
import { ReportForm, type ReportPreset } from "@/components/availability/report-form";
import { SlaReportView } from "@/components/availability/sla-report-view";
import { PrintButton } from "@/components/privacy/print-button";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { buildSlaReport, listServices, type SlaReport } from "@/lib/availability/queries";
import { ReportQuery } from "@/lib/availability/schemas";
import { requirePagePermission } from "@/lib/auth/service";
import { listPeriods } from "@/lib/controls/queries";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { addDays, dayStart, isoDay } from "@/lib/time";

export const metadata: Metadata = { title: "SLA report" };

type SearchParams = Record<string, string | string[] | undefined>;

function rangePresets(now: Date): ReportPreset[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const today = isoDay(now);
  return [
    { label: "Last month", from: isoDay(new Date(Date.UTC(y, m - 1, 1))), to: isoDay(new Date(Date.UTC(y, m, 0))), group: "range" },
    { label: "This month", from: isoDay(new Date(Date.UTC(y, m, 1))), to: today, group: "range" },
    { label: "This quarter", from: isoDay(new Date(Date.UTC(y, m - (m % 3), 1))), to: today, group: "range" },
    { label: "Last 30 days", from: isoDay(addDays(now, -29)), to: today, group: "range" },
    { label: "Last 90 days", from: isoDay(addDays(now, -89)), to: today, group: "range" },
  ];
}

export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("availability.report", "/availability/report");
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const now = new Date();
  const [services, periods] = await Promise.all([listServices(), listPeriods()]);
  const ranges = rangePresets(now);
  const presets: ReportPreset[] = [
    ...ranges,
    ...periods
      .filter((p) => p.startsOn <= isoDay(now))
      .map((p) => ({ label: p.name, from: p.startsOn, to: p.endsOn, group: "period" as const })),
  ];
  // Without a period in the URL, the report opens on last month: the usual SLA reporting unit.
  const raw = {
    service: first(params.service) ?? "all",
    from: first(params.from) ?? ranges[0]!.from,
    to: first(params.to) ?? ranges[0]!.to,
  };
  const parsed = ReportQuery.safeParse(raw);
  let report: SlaReport | null = null;
  let fieldErrors: FieldErrors = {};
  let formError: string | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  } else {
    try {
      report = await buildSlaReport(parsed.data, now);
    } catch (err) {
      if (!isAppError(err)) throw err;
      fieldErrors = err.fieldErrors ?? {};
      formError = err.message;
    }
  }
  const scope = raw.service === "all" ? "All services" : (services.find((s) => s.key === raw.service)?.name ?? raw.service);
  const csv = (part: string) => `/api/availability/report?${new URLSearchParams({ ...raw, part })}`;

  return (
    <>
      <ReportForm values={raw} services={services.map((s) => ({ key: s.key, name: s.name }))} presets={presets} errors={fieldErrors} />
      <div className="mt-8">
        {report ? (
          <article aria-label="SLA report">
            <PageHeader
              title={`SLA report — ${report.from} to ${report.to}`}
              description={
                <>
                  {scope} · generated {formatUtc(report.generatedAt)} by Assay. Figures from the hourly and daily rollups; days in UTC
                  {report.window.to < dayStart(report.to) ? "; the period runs to now" : ""}.
                </>
              }
              actions={
                <div className="flex flex-wrap items-center gap-2 print:hidden">
                  <a href={csv("summary")} className={buttonClass("secondary")} download>
                    Download summary CSV
                  </a>
                  <a href={csv("incidents")} className={buttonClass("secondary")} download>
                    Download incidents CSV
                  </a>
                  <PrintButton />
                </div>
              }
            />
            <SlaReportView report={report} />
          </article>
        ) : (
          <Notice tone="error">
            {formError ?? "Check the period: the report needs a start and an end date, the end on or after the start."}
          </Notice>
        )}
      </div>
    </>
  );
}
