import { z } from "zod";
import { change, defineAuditActions } from "@/lib/audit/vocabulary";

/**
 * The availability module's words and constants, shared by server and client code, and the
 * audit actions it writes. The status, severity and source lists match the CHECKs in
 * db/schema/availability.ts.
 */
export const SAMPLE_STATUSES = ["healthy", "degraded", "down"] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = {
  sev1: "SEV1 · critical",
  sev2: "SEV2 · major",
  sev3: "SEV3 · minor",
  sev4: "SEV4 · low",
};

/** Who opened an incident: Assay on failed checks, or a person. */
export const INCIDENT_SOURCES = ["auto", "manual"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** The incidents list's state filter. */
export const INCIDENT_STATES = ["open", "resolved", "all"] as const;
export type IncidentStateFilter = (typeof INCIDENT_STATES)[number];

/** Whether a range's uptime met the SLA target; unknown without known samples. */
export const SLA_VERDICTS = ["met", "missed", "unknown"] as const;
export type SlaVerdict = (typeof SLA_VERDICTS)[number];

export const INCIDENT_UPDATE_KINDS = ["detected", "opened", "acknowledged", "update", "resolved", "recovered"] as const;
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KINDS)[number];

/**
 * Upper-exclusive bounds (ms) of the latency histogram buckets kept in the rollups. Bucket 1
 * is [0, 5), bucket k is [bounds[k-2], bounds[k-1]), the last is [30000, ∞). Dense where AI
 * endpoints usually answer, so p50/p95/p99 merged from rollups stay within a bucket's width.
 */
export const LATENCY_BUCKETS_MS = [
  5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000,
  30000,
] as const;
export const HISTOGRAM_SIZE = LATENCY_BUCKETS_MS.length + 1;

/** How much each status counts in the composite figure (the seed's definition). */
export const COMPOSITE_CREDIT: Record<SampleStatus, number> = { healthy: 1, degraded: 0.5, down: 0 };

/** Ranges the pages offer, in hours. "period" (an audit period) is chosen separately. */
export const RANGES = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30, "90d": 24 * 90 } as const;
export type RangeKey = keyof typeof RANGES;
export const RANGE_KEYS = Object.keys(RANGES) as [RangeKey, ...RangeKey[]];
export const RANGE_LABELS: Record<RangeKey, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** The five services of a typical AI startup, with the composite weights of the issue. */
export const DEFAULT_SERVICES = [
  { key: "inference_api", name: "Inference API", weight: 0.4, description: "Serves model predictions to customers." },
  { key: "training_pipeline", name: "Training pipeline", weight: 0.2, description: "Schedules and runs training and fine-tuning jobs." },
  { key: "model_registry", name: "Model registry", weight: 0.15, description: "Stores model versions, cards and artifacts." },
  { key: "feature_store", name: "Feature store", weight: 0.15, description: "Serves online features to the inference API." },
  { key: "monitoring_dashboard", name: "Monitoring dashboard", weight: 0.1, description: "Drift, quality and usage monitoring." },
] as const;

const Instant = z.iso.datetime();
const ServiceSettings = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  weight: z.number(),
  slaTarget: z.number(),
  healthUrl: z.string().nullable(),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  degradedLatencyMs: z.number().int(),
  failuresToOpen: z.number().int(),
  successesToResolve: z.number().int(),
  enabled: z.boolean(),
});
const MaintenanceWindow = z.object({ serviceId: z.uuid().nullable(), startsAt: Instant, endsAt: Instant, reason: z.string() });
const Resolution = z.object({ resolvedAt: Instant.nullable(), rootCause: z.string().nullable(), postmortemUrl: z.string().nullable() });

/** Every audit action of the module, with the metadata each writes (docs/audit-log-format.md lists them). */
export const availabilityAudit = defineAuditActions("availability", {
  "availability.service_created": {
    type: "config_change",
    resource: "availability_service",
    summary: "A service was registered.",
    metadata: change(ServiceSettings),
  },
  "availability.service_updated": {
    type: "config_change",
    resource: "availability_service",
    summary: "A service's settings (SLA target, health check, thresholds, …) were changed.",
    metadata: change(ServiceSettings),
  },
  "availability.maintenance_scheduled": {
    type: "config_change",
    resource: "availability_maintenance",
    summary: "A maintenance window was scheduled; its samples are excluded from every figure.",
    metadata: change(MaintenanceWindow),
  },
  "availability.maintenance_cancelled": {
    type: "config_change",
    resource: "availability_maintenance",
    summary: "A maintenance window that had not started was withdrawn.",
    metadata: change(MaintenanceWindow),
  },
  "availability.retention_changed": {
    type: "config_change",
    resource: "availability_settings",
    summary: "How long raw samples are kept was changed.",
    metadata: change(z.object({ rawRetentionDays: z.number().int() })),
  },
  "availability.samples_pushed": {
    type: "data_modification",
    resource: "availability_samples",
    summary: "A service pushed a batch of health samples (POST /api/v1/availability/samples).",
    metadata: z.object({ samples: z.number().int(), services: z.array(z.string()), from: Instant, to: Instant }),
  },
  "availability.incident_opened": {
    type: "data_modification",
    // An outage Assay detects itself (consecutive failed checks) is a security alert.
    alsoTypes: ["security_alert"],
    resource: "availability_incident",
    summary: "An incident was opened by a person, or by Assay after consecutive failed checks, or by the demo seed.",
    metadata: z.union([
      z.object({ service: z.string(), severity: z.enum(SEVERITIES), startedAt: Instant, source: z.enum(INCIDENT_SOURCES) }),
      z.object({ source: z.literal("seed"), startedAt: Instant, resolvedAt: Instant.optional() }),
    ]),
  },
  "availability.incident_acknowledged": {
    type: "data_modification",
    resource: "availability_incident",
    summary: "Someone said they are handling an open incident.",
    metadata: change(z.object({ acknowledgedAt: Instant.nullable() })),
  },
  "availability.incident_updated": {
    type: "data_modification",
    resource: "availability_incident",
    summary: "An update was posted to an incident's timeline, or the root cause of a resolved one was recorded.",
    metadata: z.union([z.object({ length: z.number().int() }), change(Resolution)]),
  },
  "availability.incident_resolved": {
    type: "data_modification",
    resource: "availability_incident",
    summary: "An incident was resolved by a person (with its root cause), or by Assay after consecutive successful checks.",
    metadata: z.union([z.object({ service: z.string(), resolvedAt: Instant, source: z.literal("auto") }), change(Resolution)]),
  },
  "availability.sla_report_exported": {
    type: "data_export",
    resource: "sla_report",
    summary: "The SLA report was downloaded as CSV.",
    metadata: z.object({ service: z.string(), from: z.iso.date(), to: z.iso.date(), part: z.enum(["summary", "incidents"]) }),
  },
});
