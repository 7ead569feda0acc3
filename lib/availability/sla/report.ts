import "server-only";
import { db, type Executor } from "@/db/client";
import { recordAuditOnly } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import {
  countsByService,
  figuresFor,
  incidentsBetween,
  listServices,
  maintenanceBetween,
  type Figures,
  type IncidentRow,
  type MaintenanceRow,
  type ServiceRow,
} from "../queries";
import { dayWindow, type RangeWindow } from "../rollups/ranges";
import { compositePercent, emptyCounts, incidentStats, type IncidentStats } from "./sla-math";
import type { ReportQuery } from "../schemas";

/**
 * The SLA report an auditor takes away (SOC 2 A1.2): per service and period, uptime with
 * its exclusions (maintenance, unknown), incidents with MTTR/MTBF/MTTA, the error budget
 * and whether the SLA was met. The page and both CSV files are built from this one object.
 */
export type ServiceReport = {
  service: ServiceRow;
  figures: Figures;
  incidents: IncidentRow[];
  stats: IncidentStats;
  downtimeMinutes: number;
};

export type SlaReport = {
  window: RangeWindow;
  from: string;
  to: string;
  services: ServiceReport[];
  composite: number | null;
  maintenance: MaintenanceRow[];
  generatedAt: Date;
};

export async function buildSlaReport(query: ReportQuery, now: Date = new Date(), executor: Executor = db): Promise<SlaReport> {
  const window = dayWindow("report", `${query.from} – ${query.to}`, query.from, query.to, now);
  if (window.from > now)
    throw new AppError("validation", "The period has not started yet.", { fieldErrors: { from: ["Choose a period that has started."] } });
  const all = await listServices(executor);
  const chosen = query.service === "all" ? all : all.filter((s) => s.key === query.service);
  if (chosen.length === 0) throw new AppError("not_found", `There is no service ${query.service}.`);
  const [counts, incidents, maintenance] = await Promise.all([
    countsByService(window, executor),
    incidentsBetween(window.from, window.to, null, executor, 10_000),
    maintenanceBetween(window.from, window.to, executor),
  ]);
  const services = chosen.map((service) => {
    const figures = figuresFor(service, counts.get(service.id) ?? emptyCounts(), window.from, window.to, now);
    const own = incidents.filter((i) => i.serviceId === service.id);
    return {
      service,
      figures,
      incidents: own,
      stats: incidentStats(own, window.from, window.to, now),
      downtimeMinutes: (figures.counts.down * service.intervalSeconds) / 60,
    };
  });
  return {
    window,
    from: query.from,
    to: query.to,
    services,
    composite: compositePercent(services.map((s) => ({ weight: s.service.weight, counts: s.figures.counts }))).percent,
    maintenance: maintenance.filter((m) => m.serviceId === null || chosen.some((s) => s.id === m.serviceId)),
    generatedAt: now,
  };
}

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
      duration_minutes: i.resolvedAt ? round((i.resolvedAt.getTime() - i.startedAt.getTime()) / 60_000, 1) : "",
      root_cause: i.rootCause ?? "",
      postmortem_url: i.postmortemUrl ?? "",
    })),
  );
}

/** Taking evidence away is itself recorded. */
export async function recordReportExport(ctx: RequestContext, query: ReportQuery, part: string) {
  await recordAuditOnly(auditActor(ctx), {
    type: "data_export",
    action: "availability.sla_report_exported",
    outcome: "success",
    resource: { type: "sla_report", id: null },
    metadata: { ...query, part },
  });
}
