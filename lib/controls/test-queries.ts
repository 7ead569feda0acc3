import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import {
  auditPeriods,
  controlEvidence,
  controlEvidenceLinks,
  controlRemediations,
  controls,
  controlTestOccurrences,
  controlTestResults,
  users,
} from "@/db/schema";
import { occurrenceColumns, type OccurrenceItem } from "./calendar-queries";
import { occurrenceState } from "./status";
import type { RemediationStatus, TestResult } from "./vocabulary";

/** One test occurrence with every record of it (corrections included), remediation and evidence. */

export type EvidenceItem = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  evidenceDate: string;
  description: string;
  uploadedAt: Date;
  uploadedByName: string;
};

export const evidenceColumns = {
  id: controlEvidence.id,
  filename: controlEvidence.filename,
  contentType: controlEvidence.contentType,
  sizeBytes: controlEvidence.sizeBytes,
  sha256: controlEvidence.sha256,
  evidenceDate: controlEvidence.evidenceDate,
  description: controlEvidence.description,
  uploadedAt: controlEvidence.uploadedAt,
  uploadedByName: users.name,
};

export type RemediationItem = {
  id: string;
  ownerId: string;
  ownerName: string;
  dueOn: string;
  status: RemediationStatus;
  plan: string;
  closingNote: string | null;
  closedAt: Date | null;
};

export type ResultRecord = {
  id: string;
  result: TestResult;
  testerName: string;
  testedOn: string;
  procedureFollowed: string;
  findings: string;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  recordedByName: string;
  recordedAt: Date;
  evidenceIds: string[];
  remediation: RemediationItem | null;
};

export type OccurrenceDetail = OccurrenceItem & {
  periodName: string;
  frequency: string;
  testProcedure: string;
  periodStartsOn: string;
  periodEndsOn: string;
  records: ResultRecord[];
  evidence: EvidenceItem[];
};

const tester = alias(users, "tester");
const recorder = alias(users, "recorder");
const remediationOwner = alias(users, "remediation_owner");

export async function getOccurrenceDetail(occurrenceId: string, today: string, executor: Executor = db): Promise<OccurrenceDetail | null> {
  const [row] = await executor
    .select({
      ...occurrenceColumns,
      periodName: auditPeriods.name,
      frequency: controlTestOccurrences.frequency,
      testProcedure: controls.testProcedure,
      periodStartsOn: auditPeriods.startsOn,
      periodEndsOn: auditPeriods.endsOn,
    })
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .innerJoin(users, eq(users.id, controls.ownerId))
    .innerJoin(auditPeriods, eq(auditPeriods.id, controlTestOccurrences.periodId))
    .where(eq(controlTestOccurrences.id, occurrenceId));
  if (!row) return null;
  const [records, evidence] = await Promise.all([listRecords(executor, occurrenceId), listLinkedEvidence(executor, occurrenceId)]);
  return { ...row, state: occurrenceState(row.dueOn, row.result, today), records, evidence };
}

async function listRecords(executor: Executor, occurrenceId: string): Promise<ResultRecord[]> {
  const rows = await executor
    .select({
      id: controlTestResults.id,
      result: sql<TestResult>`${controlTestResults.result}`,
      testerName: tester.name,
      testedOn: controlTestResults.testedOn,
      procedureFollowed: controlTestResults.procedureFollowed,
      findings: controlTestResults.findings,
      supersedesId: controlTestResults.supersedesId,
      supersededById: sql<string | null>`(select c.id from control_test_results c where c.supersedes_id = ${controlTestResults.id})`,
      correctionReason: controlTestResults.correctionReason,
      recordedByName: recorder.name,
      recordedAt: controlTestResults.recordedAt,
      evidenceIds: sql<
        string[]
      >`coalesce((select array_agg(e.evidence_id::text) from control_result_evidence e where e.result_id = ${controlTestResults.id}), '{}')`,
      remediationId: controlRemediations.id,
      remediationOwnerId: controlRemediations.ownerId,
      remediationOwnerName: remediationOwner.name,
      remediationDueOn: controlRemediations.dueOn,
      remediationStatus: controlRemediations.status,
      remediationPlan: controlRemediations.plan,
      remediationClosingNote: controlRemediations.closingNote,
      remediationClosedAt: controlRemediations.closedAt,
    })
    .from(controlTestResults)
    .innerJoin(tester, eq(tester.id, controlTestResults.testerId))
    .innerJoin(recorder, eq(recorder.id, controlTestResults.recordedBy))
    .leftJoin(controlRemediations, eq(controlRemediations.resultId, controlTestResults.id))
    .leftJoin(remediationOwner, eq(remediationOwner.id, controlRemediations.ownerId))
    .where(eq(controlTestResults.occurrenceId, occurrenceId))
    .orderBy(asc(controlTestResults.recordedAt));
  return rows.map((r) => ({
    id: r.id,
    result: r.result,
    testerName: r.testerName,
    testedOn: r.testedOn,
    procedureFollowed: r.procedureFollowed,
    findings: r.findings,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    correctionReason: r.correctionReason,
    recordedByName: r.recordedByName,
    recordedAt: r.recordedAt,
    evidenceIds: r.evidenceIds,
    remediation: r.remediationId
      ? {
          id: r.remediationId,
          ownerId: r.remediationOwnerId!,
          ownerName: r.remediationOwnerName ?? "",
          dueOn: r.remediationDueOn!,
          status: r.remediationStatus as RemediationStatus,
          plan: r.remediationPlan ?? "",
          closingNote: r.remediationClosingNote,
          closedAt: r.remediationClosedAt,
        }
      : null,
  }));
}

async function listLinkedEvidence(executor: Executor, occurrenceId: string): Promise<EvidenceItem[]> {
  return executor
    .select(evidenceColumns)
    .from(controlEvidenceLinks)
    .innerJoin(controlEvidence, eq(controlEvidence.id, controlEvidenceLinks.evidenceId))
    .innerJoin(users, eq(users.id, controlEvidence.uploadedBy))
    .where(eq(controlEvidenceLinks.occurrenceId, occurrenceId))
    .orderBy(asc(controlEvidence.uploadedAt));
}

export type EvidenceListItem = EvidenceItem & { links: number };

/** The evidence library, newest first (bounded: the page shows the latest). */
export async function listEvidence(limit = 200, executor: Executor = db): Promise<EvidenceListItem[]> {
  return executor
    .select({
      ...evidenceColumns,
      links: sql<number>`(select count(*)::int from control_evidence_links l where l.evidence_id = ${controlEvidence.id})`,
    })
    .from(controlEvidence)
    .innerJoin(users, eq(users.id, controlEvidence.uploadedBy))
    .orderBy(desc(controlEvidence.uploadedAt))
    .limit(limit);
}

export async function getEvidence(executor: Executor, evidenceId: string): Promise<(EvidenceItem & { storage: string }) | null> {
  const [row] = await executor
    .select({ ...evidenceColumns, storage: controlEvidence.storage })
    .from(controlEvidence)
    .innerJoin(users, eq(users.id, controlEvidence.uploadedBy))
    .where(eq(controlEvidence.id, evidenceId));
  return row ?? null;
}

export async function evidenceByIds(executor: Executor, ids: string[]): Promise<EvidenceItem[]> {
  if (ids.length === 0) return [];
  return executor
    .select(evidenceColumns)
    .from(controlEvidence)
    .innerJoin(users, eq(users.id, controlEvidence.uploadedBy))
    .where(inArray(controlEvidence.id, ids));
}
