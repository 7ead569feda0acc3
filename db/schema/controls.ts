import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * Controls, their SOC 2 criteria, audit periods with their dated test occurrences, locked
 * test results with remediation, evidence (files stored in PostgreSQL by default) and the
 * audit-preparation checklist. The lists in the CHECKs match lib/controls/vocabulary.ts.
 * What drizzle cannot express (results and evidence are write-once) is in the custom
 * migration "protect_control_results". Dates that are calendar days (a test's due day, an
 * evidence date) are `date`; instants are `timestamp with time zone`.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

const FREQUENCY_SQL = sql.raw(`('weekly','monthly','quarterly','annually')`);
const RESULT_SQL = sql.raw(`('pass','fail','partial')`);
const day = (name: string) => date(name, { mode: "string" });

/** The AICPA Trust Services Criteria (CC1–CC9, A1, C1, PI1, P1–P8), seeded by migration. */
export const soc2Criteria = pgTable("soc2_criteria", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  category: text("category").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const controls = pgTable(
  "controls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull().default(""),
    frequency: text("frequency").notNull(),
    // The day of the interval's last month the test is due on, clamped to that month's
    // length (31 = the month's last day). Weekly tests are due on the week's last day.
    dueDay: smallint("due_day").notNull().default(31),
    aiRelevance: text("ai_relevance").notNull().default("none"),
    testProcedure: text("test_procedure").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("controls_code_key").on(t.code),
    index("controls_owner_idx").on(t.ownerId),
    check("controls_frequency", sql`${t.frequency} in ${FREQUENCY_SQL}`),
    check("controls_due_day", sql`${t.dueDay} between 1 and 31`),
    check("controls_ai_relevance", sql`${t.aiRelevance} in ('none','supporting','direct')`),
  ],
);

export const controlCriteria = pgTable(
  "control_criteria",
  {
    controlId: uuid("control_id")
      .notNull()
      .references(() => controls.id, { onDelete: "cascade" }),
    criterionCode: text("criterion_code")
      .notNull()
      .references(() => soc2Criteria.code),
  },
  (t) => [primaryKey({ columns: [t.controlId, t.criterionCode] }), index("control_criteria_criterion_idx").on(t.criterionCode)],
);

/** An observation window, e.g. the twelve months of a Type II report. Both ends inclusive. */
export const auditPeriods = pgTable(
  "audit_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    startsOn: day("starts_on").notNull(),
    endsOn: day("ends_on").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    scheduleGeneratedAt: timestamptz("schedule_generated_at"),
  },
  (t) => [
    uniqueIndex("audit_periods_name_key").on(t.name),
    check("audit_periods_range", sql`${t.endsOn} >= ${t.startsOn} and ${t.endsOn} < ${t.startsOn} + 1096`),
  ],
);

/** One dated test of a control in a period: the interval it covers and the day it is due. */
export const controlTestOccurrences = pgTable(
  "control_test_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => auditPeriods.id),
    controlId: uuid("control_id")
      .notNull()
      .references(() => controls.id),
    // The frequency it was generated for: a later frequency change reschedules only what is
    // still in the future and unrecorded.
    frequency: text("frequency").notNull(),
    windowStart: day("window_start").notNull(),
    windowEnd: day("window_end").notNull(),
    dueOn: day("due_on").notNull(),
    // The standing record (the one no correction superseded), kept by a trigger on
    // control_test_results (migration "track_standing_results"): the calendar reads a month
    // of tests without looking up each one's chain of records.
    standingResultId: uuid("standing_result_id"),
    standingResult: text("standing_result"),
    standingTestedOn: day("standing_tested_on"),
    createdAt: createdAt(),
  },
  (t) => [
    // Regenerating is idempotent: the same interval is never scheduled twice.
    uniqueIndex("control_test_occurrences_interval_key").on(t.periodId, t.controlId, t.windowStart),
    // The calendar's month query.
    index("control_test_occurrences_due_idx").on(t.dueOn, t.controlId),
    index("control_test_occurrences_control_idx").on(t.controlId, t.windowStart),
    check("control_test_occurrences_frequency", sql`${t.frequency} in ${FREQUENCY_SQL}`),
    check(
      "control_test_occurrences_window",
      sql`${t.windowStart} <= ${t.windowEnd} and ${t.dueOn} between ${t.windowStart} and ${t.windowEnd}`,
    ),
    check(
      "control_test_occurrences_standing",
      sql`(${t.standingResultId} is null) = (${t.standingResult} is null) and (${t.standingResult} is null or ${t.standingResult} in ${RESULT_SQL})`,
    ),
  ],
);

/**
 * A recorded test: write-once. A correction is a new row naming the one it supersedes;
 * both stay. The effective result of an occurrence is the one nobody superseded.
 */
export const controlTestResults = pgTable(
  "control_test_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => controlTestOccurrences.id),
    controlId: uuid("control_id")
      .notNull()
      .references(() => controls.id),
    result: text("result").notNull(),
    testerId: uuid("tester_id")
      .notNull()
      .references(() => users.id),
    testedOn: day("tested_on").notNull(),
    procedureFollowed: text("procedure_followed").notNull(),
    findings: text("findings").notNull().default(""),
    supersedesId: uuid("supersedes_id"),
    correctionReason: text("correction_reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    // One original per occurrence, and a record is corrected at most once (a linear chain).
    uniqueIndex("control_test_results_one_original_key")
      .on(t.occurrenceId)
      .where(sql`${t.supersedesId} is null`),
    uniqueIndex("control_test_results_supersedes_key").on(t.supersedesId),
    index("control_test_results_occurrence_idx").on(t.occurrenceId, t.recordedAt),
    index("control_test_results_control_idx").on(t.controlId, t.testedOn),
    check("control_test_results_result", sql`${t.result} in ${RESULT_SQL}`),
    check("control_test_results_correction", sql`(${t.supersedesId} is null) = (${t.correctionReason} is null)`),
    check("control_test_results_not_self", sql`${t.supersedesId} is distinct from ${t.id}`),
    foreignKey({ columns: [t.supersedesId], foreignColumns: [t.id], name: "control_test_results_supersedes_fk" }),
  ],
);

/** What a non-pass result requires: who fixes it, by when, and how it was closed. */
export const controlRemediations = pgTable(
  "control_remediations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => controlTestResults.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    dueOn: day("due_on").notNull(),
    status: text("status").notNull().default("open"),
    plan: text("plan").notNull().default(""),
    closingNote: text("closing_note"),
    closedAt: timestamptz("closed_at"),
    closedBy: uuid("closed_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("control_remediations_result_key").on(t.resultId),
    index("control_remediations_open_idx")
      .on(t.dueOn)
      .where(sql`${t.status} <> 'closed'`),
    check("control_remediations_status", sql`${t.status} in ('open','in_progress','closed')`),
    check("control_remediations_closed", sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check("control_remediations_closing_note", sql`${t.status} <> 'closed' or length(btrim(coalesce(${t.closingNote}, ''))) > 0`),
  ],
);

/** The PostgreSQL evidence store: content-addressed by SHA-256, so a re-upload is stored once. */
export const evidenceBlobs = pgTable("evidence_blobs", {
  sha256: text("sha256").primaryKey(),
  bytes: bytea("bytes").notNull(),
  createdAt: createdAt(),
});

export const controlEvidence = pgTable(
  "control_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    // Which store holds the bytes (lib/controls/evidence-storage.ts), under the hash.
    storage: text("storage").notNull().default("postgres"),
    // When the evidence was true: decides the period it counts for, unlike the upload time.
    evidenceDate: day("evidence_date").notNull(),
    description: text("description").notNull().default(""),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamptz("uploaded_at").notNull().defaultNow(),
  },
  (t) => [
    index("control_evidence_date_idx").on(t.evidenceDate),
    index("control_evidence_uploaded_idx").on(t.uploadedAt),
    check("control_evidence_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("control_evidence_size", sql`${t.sizeBytes} > 0`),
  ],
);

/** Evidence ↔ the tests it supports: one piece of evidence can support several. */
export const controlEvidenceLinks = pgTable(
  "control_evidence_links",
  {
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => controlEvidence.id),
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => controlTestOccurrences.id),
    linkedBy: uuid("linked_by").references(() => users.id),
    linkedAt: timestamptz("linked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.occurrenceId] }), index("control_evidence_links_occurrence_idx").on(t.occurrenceId)],
);

/** The evidence a result relied on when it was recorded: locked with the result. */
export const controlResultEvidence = pgTable(
  "control_result_evidence",
  {
    resultId: uuid("result_id")
      .notNull()
      .references(() => controlTestResults.id),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => controlEvidence.id),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.evidenceId] }), index("control_result_evidence_evidence_idx").on(t.evidenceId)],
);

/** The audit-preparation checklist of a period (copied from lib/controls/checklist-template.ts). */
export const auditChecklistItems = pgTable(
  "audit_checklist_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    periodId: uuid("period_id")
      .notNull()
      .references(() => auditPeriods.id),
    category: text("category").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id),
    status: text("status").notNull().default("not_started"),
    sortOrder: integer("sort_order").notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("audit_checklist_items_title_key").on(t.periodId, t.title),
    check("audit_checklist_items_category", sql`${t.category} in ('policies','procedures','evidence','ai_evidence')`),
    check("audit_checklist_items_status", sql`${t.status} in ('not_started','in_progress','done')`),
  ],
);

export const auditChecklistEvidence = pgTable(
  "audit_checklist_evidence",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => auditChecklistItems.id),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => controlEvidence.id),
    linkedBy: uuid("linked_by").references(() => users.id),
    linkedAt: timestamptz("linked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.evidenceId] }), index("audit_checklist_evidence_evidence_idx").on(t.evidenceId)],
);
