/**
 * The availability module's words and constants, shared by server and client code. The
 * status and severity lists match the CHECKs in db/schema/availability.ts.
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
export const RANGE_LABELS: Record<RangeKey, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** The five services of a typical AI startup, with the composite weights of the issue. */
export const DEFAULT_SERVICES = [
  { key: "inference_api", name: "Inference API", weight: 0.4, description: "Serves model predictions to customers." },
  { key: "training_pipeline", name: "Training pipeline", weight: 0.2, description: "Schedules and runs training and fine-tuning jobs." },
  { key: "model_registry", name: "Model registry", weight: 0.15, description: "Stores model versions, cards and artifacts." },
  { key: "feature_store", name: "Feature store", weight: 0.15, description: "Serves online features to the inference API." },
  { key: "monitoring_dashboard", name: "Monitoring dashboard", weight: 0.1, description: "Drift, quality and usage monitoring." },
] as const;
