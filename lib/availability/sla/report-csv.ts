import "server-only";
import { recordAuditOnly } from "@/lib/audit/service";
import { auditActor, type RequestContext } from "@/lib/context";
import { MINUTE_MS } from "@/lib/time";
import type { ReportQuery } from "../schemas";
import { availabilityAudit } from "../vocabulary";
import { buildSlaReport, type SlaReport } from "./report";

/** The SLA report's two CSV files (?part=summary: one row per service; ?part=incidents), in the report's own words. */
export type ReportPart = "summary" | "incidents";

const round = (v: number | null | undefined, digits = 3) => (v === null || v === undefined || !Number.isFinite(v) ? "" : v.toFixed(digits));

export const SUMMARY_COLUMNS = [
  "service",
  "period_from",
  "period_to",
  "sla_target_percent",
  "uptime_percent",
  "sla",
  "weighted_credit_percent",
  "healthy_samples",
  "degraded_samples",
  "down_samples",
  "maintenance_samples_excluded",
  "unknown_samples_excluded",
  "data_coverage_percent",
  "downtime_minutes",
  "error_budget_remaining_percent",
  "incidents",
  "mttr_minutes",
  "mtbf_hours",
  "mtta_minutes",
] as const;

export function summaryRecords(report: SlaReport): Record<(typeof SUMMARY_COLUMNS)[number], string>[] {
  return report.services.map(({ service, figures, stats, downtimeMinutes }) => ({
    service: service.key,
    period_from: report.from,
    period_to: report.to,
    sla_target_percent: round(service.slaTarget),
    uptime_percent: round(figures.uptime, 4),
    sla: figures.verdict,
    weighted_credit_percent: round(figures.credit, 4),
    healthy_samples: String(figures.counts.healthy),
    degraded_samples: String(figures.counts.degraded),
    down_samples: String(figures.counts.down),
    maintenance_samples_excluded: String(figures.coverage.maintenance),
    unknown_samples_excluded: String(figures.coverage.unknown),
    data_coverage_percent: round(100 * figures.coverage.knownFraction, 2),
    downtime_minutes: round(downtimeMinutes, 1),
    error_budget_remaining_percent: round(figures.budget ? 100 * figures.budget.remainingFraction : null, 2),
    incidents: String(stats.failures),
    mttr_minutes: round(stats.mttrMinutes, 1),
    mtbf_hours: round(stats.mtbfHours, 1),
    mtta_minutes: round(stats.mttaMinutes, 1),
  }));
}

export const INCIDENT_COLUMNS = [
  "service",
  "incident_id",
  "title",
  "severity",
  "source",
  "started_at",
  "detected_at",
  "acknowledged_at",
  "acknowledged_by",
  "resolved_at",
  "duration_minutes",
  "root_cause",
  "postmortem_url",
] as const;

export function incidentRecords(report: SlaReport): Record<(typeof INCIDENT_COLUMNS)[number], string>[] {
  return report.services.flatMap(({ service, incidents }) =>
    incidents.map((i) => ({
      service: service.key,
      incident_id: i.id,
      title: i.title,
      severity: i.severity,
      source: i.source,
      started_at: i.startedAt.toISOString(),
      detected_at: i.detectedAt.toISOString(),
      acknowledged_at: i.acknowledgedAt?.toISOString() ?? "",
      acknowledged_by: i.acknowledgedByName ?? "",
      resolved_at: i.resolvedAt?.toISOString() ?? "",
      duration_minutes: i.resolvedAt ? round((i.resolvedAt.getTime() - i.startedAt.getTime()) / MINUTE_MS, 1) : "",
      root_cause: i.rootCause ?? "",
      postmortem_url: i.postmortemUrl ?? "",
    })),
  );
}

/** One CSV file of the report for `query`: its columns and one record per row. */
export async function getSlaReportCsv(query: ReportQuery, part: ReportPart, now: Date = new Date()) {
  const report = await buildSlaReport(query, now);
  return part === "summary"
    ? { columns: [...SUMMARY_COLUMNS], records: summaryRecords(report) }
    : { columns: [...INCIDENT_COLUMNS], records: incidentRecords(report) };
}

/** Taking evidence away is itself recorded. */
export async function recordReportExport(ctx: RequestContext, input: ReportQuery & { part: ReportPart }) {
  await recordAuditOnly(
    auditActor(ctx),
    availabilityAudit.event("availability.sla_report_exported", { resource: { type: "sla_report", id: null }, metadata: input }),
  );
}
