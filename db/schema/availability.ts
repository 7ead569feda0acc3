import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { apiKeys, users } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * Availability of AI services (issue 5). Raw samples are the record; figures and charts read
 * the hourly and daily rollups, which ingestion maintains in the same statement as the
 * insert (lib/availability/rollups/rollup-sql.ts). Raw samples may be pruned after a retention
 * period; the rollups never are. The status lists match lib/availability/vocabulary.ts.
 */
const SAMPLE_STATUS_SQL = sql.raw(`('healthy','degraded','down')`);

export const availabilityServices = pgTable(
  "availability_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Share of the composite availability figure; the seeded five sum to 1.
    weight: numeric("weight", { precision: 4, scale: 3, mode: "number" }).notNull(),
    // Percent, e.g. 99.9.
    slaTarget: numeric("sla_target", { precision: 6, scale: 3, mode: "number" }).notNull().default(99.9),
    healthUrl: text("health_url"),
    intervalSeconds: integer("interval_seconds").notNull().default(30),
    timeoutMs: integer("timeout_ms").notNull().default(5000),
    degradedLatencyMs: integer("degraded_latency_ms").notNull().default(100),
    // An incident opens after this many consecutive down samples, and resolves after
    // `successes_to_resolve` consecutive healthy or degraded ones.
    failuresToOpen: smallint("failures_to_open").notNull().default(3),
    successesToResolve: smallint("successes_to_resolve").notNull().default(2),
    enabled: boolean("enabled").notNull().default(true),
    // The probe schedule: a worker claims the row (FOR UPDATE SKIP LOCKED) when this slot is
    // due and moves it to the next slot in the same statement.
    nextProbeAt: timestamptz("next_probe_at").notNull().defaultNow(),
    // The streak behind automatic incidents, as of the newest sample (`last_sample_at`).
    lastSampleAt: timestamptz("last_sample_at"),
    lastStatus: text("last_status"),
    // When the current run of failures (or of successes) began.
    streakSince: timestamptz("streak_since"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    consecutiveSuccesses: integer("consecutive_successes").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("availability_services_key").on(t.key),
    index("availability_services_due_idx")
      .on(t.nextProbeAt)
      .where(sql`${t.enabled}`),
    check("availability_services_key_format", sql`${t.key} ~ '^[a-z][a-z0-9_]{1,62}$'`),
    check("availability_services_weight", sql`${t.weight} >= 0 and ${t.weight} <= 1`),
    check("availability_services_sla", sql`${t.slaTarget} > 0 and ${t.slaTarget} <= 100`),
    check("availability_services_interval", sql`${t.intervalSeconds} between 5 and 3600`),
    check("availability_services_timeout", sql`${t.timeoutMs} between 100 and 60000`),
    check("availability_services_degraded", sql`${t.degradedLatencyMs} between 1 and 60000`),
    check("availability_services_thresholds", sql`${t.failuresToOpen} between 1 and 100 and ${t.successesToResolve} between 1 and 100`),
    // A path ("/api/simulated/…") is served by this Assay instance (ASSAY_SELF_URL).
    check("availability_services_url", sql`${t.healthUrl} is null or ${t.healthUrl} ~ '^(https?://|/)'`),
    check("availability_services_last_status", sql`${t.lastStatus} is null or ${t.lastStatus} in ${SAMPLE_STATUS_SQL}`),
  ],
);

/** One observation. The key makes a slot recorded once, however many workers or pushes. */
export const availabilitySamples = pgTable(
  "availability_samples",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => availabilityServices.id, { onDelete: "cascade" }),
    observedAt: timestamptz("observed_at").notNull(),
    status: text("status").notNull(),
    latencyMs: integer("latency_ms"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    source: text("source").notNull(),
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.observedAt] }),
    // Retention pruning deletes by time across services.
    index("availability_samples_observed_idx").on(t.observedAt),
    check("availability_samples_status", sql`${t.status} in ${SAMPLE_STATUS_SQL}`),
    check("availability_samples_source", sql`${t.source} in ('probe','push','seed')`),
    check("availability_samples_latency", sql`${t.latencyMs} is null or ${t.latencyMs} between 0 and 3600000`),
  ],
);

/**
 * Counts per service and UTC hour (and day). Samples inside a maintenance window count only
 * in `maintenance`. `latency_hist` counts healthy and degraded latencies per bucket of
 * LATENCY_BUCKETS_MS, so percentiles over any range merge exactly to bucket resolution.
 */
const rollupColumns = () => ({
  serviceId: uuid("service_id")
    .notNull()
    .references(() => availabilityServices.id, { onDelete: "cascade" }),
  healthy: integer("healthy").notNull().default(0),
  degraded: integer("degraded").notNull().default(0),
  down: integer("down").notNull().default(0),
  maintenance: integer("maintenance").notNull().default(0),
  latencySum: bigint("latency_sum", { mode: "number" }).notNull().default(0),
  latencyCount: integer("latency_count").notNull().default(0),
  latencyHist: integer("latency_hist").array().notNull(),
});

export const availabilityHourly = pgTable("availability_hourly", { ...rollupColumns(), hour: timestamptz("hour").notNull() }, (t) => [
  primaryKey({ columns: [t.serviceId, t.hour] }),
]);

export const availabilityDaily = pgTable(
  "availability_daily",
  { ...rollupColumns(), day: date("day", { mode: "string" }).notNull() },
  (t) => [primaryKey({ columns: [t.serviceId, t.day] })],
);

/** Planned work: samples inside are excluded from every figure and shown as maintenance. */
export const availabilityMaintenance = pgTable(
  "availability_maintenance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // null: every service.
    serviceId: uuid("service_id").references(() => availabilityServices.id, { onDelete: "cascade" }),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("availability_maintenance_range_idx").on(t.startsAt, t.endsAt),
    check("availability_maintenance_range", sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '7 days'`),
  ],
);

export const availabilityIncidents = pgTable(
  "availability_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => availabilityServices.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    severity: text("severity").notNull(),
    source: text("source").notNull(),
    // When the service started failing, when Assay (or a person) noticed, who acknowledged.
    startedAt: timestamptz("started_at").notNull(),
    detectedAt: timestamptz("detected_at").notNull(),
    acknowledgedAt: timestamptz("acknowledged_at"),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    resolvedAt: timestamptz("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    rootCause: text("root_cause"),
    postmortemUrl: text("postmortem_url"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    // At most one unresolved incident per service: failures extend it rather than pile up.
    uniqueIndex("availability_incidents_one_open")
      .on(t.serviceId)
      .where(sql`${t.resolvedAt} is null`),
    index("availability_incidents_started_idx").on(t.startedAt),
    index("availability_incidents_service_idx").on(t.serviceId, t.startedAt),
    check("availability_incidents_severity", sql`${t.severity} in ('sev1','sev2','sev3','sev4')`),
    check("availability_incidents_source", sql`${t.source} in ('auto','manual')`),
    check(
      "availability_incidents_order",
      sql`${t.detectedAt} >= ${t.startedAt} and (${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.startedAt})`,
    ),
    check("availability_incidents_ack", sql`(${t.acknowledgedAt} is null) = (${t.acknowledgedBy} is null)`),
    check("availability_incidents_postmortem", sql`${t.postmortemUrl} is null or ${t.postmortemUrl} ~ '^https?://'`),
  ],
);

/** The incident's timeline. Append-only (custom migration "protect_availability"). */
export const availabilityIncidentUpdates = pgTable(
  "availability_incident_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => availabilityIncidents.id, { onDelete: "cascade" }),
    at: timestamptz("at").notNull().defaultNow(),
    kind: text("kind").notNull(),
    body: text("body").notNull(),
    // null: Assay itself (automatic detection and recovery).
    authorId: uuid("author_id").references(() => users.id),
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id),
  },
  (t) => [
    index("availability_incident_updates_incident_idx").on(t.incidentId, t.at),
    check("availability_incident_updates_kind", sql`${t.kind} in ('detected','opened','acknowledged','update','resolved','recovered')`),
  ],
);

/** The module's one settings row. */
export const availabilitySettings = pgTable(
  "availability_settings",
  {
    id: smallint("id").primaryKey().default(1),
    // Raw samples older than this are deleted by the worker; rollups are kept forever.
    rawRetentionDays: integer("raw_retention_days").notNull().default(35),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    check("availability_settings_single", sql`${t.id} = 1`),
    check("availability_settings_retention", sql`${t.rawRetentionDays} between 7 and 3650`),
  ],
);

export type AvailabilityService = typeof availabilityServices.$inferSelect;
export type AvailabilityIncident = typeof availabilityIncidents.$inferSelect;
