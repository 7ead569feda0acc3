import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { apiKeys, users } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * Privacy and consent (issue 7). No column holds a clear subject identifier: subjects are
 * keyed by `subject_pseudonym`, a keyed HMAC (lib/privacy/pseudonym.ts). Consent history is
 * append-only (custom migration "protect_consent_history"): UPDATE and TRUNCATE are refused,
 * and DELETE only inside an erasure transaction (a fulfilled deletion request).
 */
const HEX64 = sql.raw(`'^[0-9a-f]{64}$'`);

/** The purposes catalog; `allowed_fields` is the data-minimization rule of each purpose. */
export const privacyPurposes = pgTable("privacy_purposes", {
  key: text("key").primaryKey(),
  label: text("label").notNull(),
  description: text("description").notNull().default(""),
  allowedFields: text("allowed_fields")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectPseudonym: text("subject_pseudonym").notNull(),
    consentType: text("consent_type").notNull(),
    status: text("status").notNull(),
    purposes: text("purposes").array().notNull(),
    policyVersion: text("policy_version").notNull(),
    source: text("source").notNull(),
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedByApiKey: uuid("recorded_by_api_key").references(() => apiKeys.id),
  },
  (t) => [
    // The consent check reads one subject's history, newest first.
    index("consent_records_subject_idx").on(t.subjectPseudonym, t.recordedAt.desc()),
    index("consent_records_expires_idx").on(t.expiresAt),
    check("consent_records_pseudonym", sql`${t.subjectPseudonym} ~ ${HEX64}`),
    check("consent_records_status", sql`${t.status} in ('granted','refused','withdrawn')`),
    check("consent_records_source", sql`${t.source} in ('ui','api','import','seed')`),
    check("consent_records_purposes", sql`cardinality(${t.purposes}) > 0`),
  ],
);

/** The processing register: what is done with personal data, why, and who receives it. */
export const processingActivities = pgTable("processing_activities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  purpose: text("purpose")
    .notNull()
    .references(() => privacyPurposes.key),
  dataCategories: text("data_categories").array().notNull(),
  legalBasis: text("legal_basis").notNull(),
  retentionDays: integer("retention_days").notNull(),
  recipients: text("recipients")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

export const dataSubjectRequests = pgTable(
  "data_subject_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Nulled when a deletion is fulfilled: the request stays, unlinkable to anyone.
    subjectPseudonym: text("subject_pseudonym"),
    type: text("type").notNull(),
    status: text("status").notNull().default("open"),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    dueAt: timestamptz("due_at").notNull(),
    assigneeId: uuid("assignee_id").references(() => users.id),
    completedAt: timestamptz("completed_at"),
    resolution: text("resolution").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("data_subject_requests_subject_idx").on(t.subjectPseudonym),
    check("data_subject_requests_pseudonym", sql`${t.subjectPseudonym} is null or ${t.subjectPseudonym} ~ ${HEX64}`),
    check("data_subject_requests_type", sql`${t.type} in ('access','rectification','deletion','portability','consent_withdrawal')`),
    check("data_subject_requests_status", sql`${t.status} in ('open','in_progress','completed','rejected')`),
  ],
);
