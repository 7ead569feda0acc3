import "server-only";

/**
 * The availability module's reads, for pages, route handlers and scripts. Figures and charts
 * read the hourly and daily rollups (never raw samples) and are derived with sla/sla-math.ts;
 * the pages' reads return plain data (dates and numbers) for server and client components.
 */
export {
  getRawRetentionDays,
  getServiceByKey,
  listServices,
  maintenanceBetween,
  maintenanceSchedule,
  type MaintenancePhase,
  type MaintenanceRow,
  type ScheduledMaintenance,
} from "./registry/registry-queries";
export { incidentsBetween, openIncidents, type IncidentRow, type OpenIncidentBrief } from "./incidents/incident-rows";
export {
  getIncidentDetail,
  incidentSummary,
  listIncidentsPage,
  listTimeline,
  type IncidentDetail,
  type IncidentSummary,
  type TimelineEntry,
} from "./incidents/incident-queries";
export { loadAvailabilityBrief, loadOverview, type AvailabilityBrief, type Overview, type ServiceCard } from "./views/overview";
export { loadServiceDetail, type SeriesPoint, type ServiceDetail } from "./views/service-detail";
export { buildSlaReport, type ServiceReport, type SlaReport } from "./sla/report";
export { getSlaReportCsv, type ReportPart } from "./sla/report-csv";
export type { Figures, ServiceRow, StripDay } from "./sla/figures";
export type { Counts, ErrorBudget, IncidentStats } from "./sla/sla-math";
