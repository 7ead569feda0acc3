import "server-only";
import { db, type Executor } from "@/db/client";
import { AppError } from "@/lib/errors";
import { incidentsBetween, type IncidentRow } from "../incidents/incident-rows";
import { listServices, maintenanceBetween, type MaintenanceRow } from "../registry/registry-queries";
import { dayWindow, type RangeWindow } from "../rollups/ranges";
import { countsByService } from "../rollups/rollup-reads";
import type { ReportQuery } from "../schemas";
import { figuresFor, type Figures, type ServiceRow } from "./figures";
import { compositePercent, emptyCounts, incidentStats, type IncidentStats } from "./sla-math";

/**
 * The SLA report an auditor takes away (SOC 2 A1.2): per service and period, uptime with
 * its exclusions (maintenance, unknown), incidents with MTTR/MTBF/MTTA, the error budget
 * and whether the SLA was met. The page and both CSV files (report-csv.ts) are built from this one object.
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
