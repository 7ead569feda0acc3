import "server-only";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { auditChecklistItems, controlEvidence, controlEvidenceLinks, controls, controlTestOccurrences, users } from "@/db/schema";
import { listOccurrences, occurrenceColumns, type OccurrenceItem } from "./calendar-queries";
import { occurrenceState, readiness, type Readiness } from "./status";
import type { ChecklistCategory, ChecklistStatus, RemediationStatus } from "./vocabulary";

/** Coverage and readiness of one period, as of a day. */

export type FailingItem = OccurrenceItem & {
  remediationStatus: RemediationStatus | null;
  remediationOwner: string | null;
  remediationDueOn: string | null;
};
export type OutsideEvidence = {
  id: string;
  filename: string;
  evidenceDate: string;
  sha256: string;
  controlCode: string;
  occurrenceId: string;
};
export type ChecklistItem = {
  id: string;
  category: ChecklistCategory;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  status: ChecklistStatus;
  evidence: { id: string; filename: string; sha256: string }[];
};

export type Coverage = {
  neverPerformed: OccurrenceItem[];
  neverPerformedCount: number;
  failing: FailingItem[];
  evidenceOutside: OutsideEvidence[];
  checklist: ChecklistItem[];
  readiness: Readiness;
  counts: { total: number; due: number; performed: number; passed: number };
};

export async function getCoverage(
  period: { id: string; startsOn: string; endsOn: string },
  today: string,
  executor: Executor = db,
): Promise<Coverage> {
  const [counts] = await executor.execute<{
    total: number;
    due: number;
    performed: number;
    passed: number;
    remediations: number;
    closed: number;
  }>(sql`
    WITH standing AS (
      SELECT o.due_on, o.standing_result_id AS standing_id, o.standing_result AS result, m.status AS remediation_status
        FROM control_test_occurrences o
        LEFT JOIN control_remediations m ON m.result_id = o.standing_result_id
       WHERE o.period_id = ${period.id}
    )
    SELECT count(*)::int AS total,
           (count(*) FILTER (WHERE due_on <= ${today}))::int AS due,
           (count(*) FILTER (WHERE due_on <= ${today} AND standing_id IS NOT NULL))::int AS performed,
           (count(*) FILTER (WHERE due_on <= ${today} AND result = 'pass'))::int AS passed,
           (count(*) FILTER (WHERE result IN ('fail','partial')))::int AS remediations,
           (count(*) FILTER (WHERE result IN ('fail','partial') AND remediation_status = 'closed'))::int AS closed
      FROM standing`);
  const c = counts ?? { total: 0, due: 0, performed: 0, passed: 0, remediations: 0, closed: 0 };

  const neverPerformedRows = await executor
    .select(occurrenceColumns)
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .innerJoin(users, eq(users.id, controls.ownerId))
    .where(
      and(
        eq(controlTestOccurrences.periodId, period.id),
        lt(controlTestOccurrences.dueOn, today),
        isNull(controlTestOccurrences.standingResultId),
      ),
    )
    .orderBy(asc(controlTestOccurrences.dueOn), asc(controls.code))
    .limit(200);
  const neverPerformed = neverPerformedRows.map((r) => ({ ...r, state: occurrenceState(r.dueOn, r.result, today) }));

  const failing = await listFailing(executor, period, today);
  const evidenceOutside = await executor
    .select({
      id: controlEvidence.id,
      filename: controlEvidence.filename,
      evidenceDate: controlEvidence.evidenceDate,
      sha256: controlEvidence.sha256,
      controlCode: controls.code,
      occurrenceId: controlTestOccurrences.id,
    })
    .from(controlEvidenceLinks)
    .innerJoin(controlEvidence, eq(controlEvidence.id, controlEvidenceLinks.evidenceId))
    .innerJoin(controlTestOccurrences, eq(controlTestOccurrences.id, controlEvidenceLinks.occurrenceId))
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .where(
      and(
        eq(controlTestOccurrences.periodId, period.id),
        sql`(${controlEvidence.evidenceDate} < ${period.startsOn} or ${controlEvidence.evidenceDate} > ${period.endsOn})`,
      ),
    )
    .orderBy(asc(controlEvidence.evidenceDate));
  const checklist = await listChecklist(executor, period.id);
  const score = readiness({
    due: c.due,
    performed: c.performed,
    passed: c.passed,
    remediations: c.remediations,
    remediationsClosed: c.closed,
    checklistItems: checklist.length,
    checklistDone: checklist.filter((i) => i.status === "done").length,
    evidenceOutside: evidenceOutside.length,
  });
  return {
    neverPerformed,
    neverPerformedCount: c.due - c.performed,
    failing,
    evidenceOutside,
    checklist,
    readiness: score,
    counts: { total: c.total, due: c.due, performed: c.performed, passed: c.passed },
  };
}

/** Occurrences whose standing result is not a pass, with their remediation. */
async function listFailing(
  executor: Executor,
  period: { id: string; startsOn: string; endsOn: string },
  today: string,
): Promise<FailingItem[]> {
  const all = await listOccurrences({ from: period.startsOn, to: period.endsOn, periodId: period.id }, today, executor);
  const failing = all.filter((o) => o.result === "fail" || o.result === "partial");
  if (failing.length === 0) return [];
  const rows = await executor.execute<{ occurrence_id: string; status: RemediationStatus; owner: string; due_on: string }>(sql`
    SELECT o.id AS occurrence_id, m.status, u.name AS owner, m.due_on::text AS due_on
      FROM control_test_occurrences o
      JOIN control_remediations m ON m.result_id = o.standing_result_id
      JOIN users u ON u.id = m.owner_id
     WHERE o.id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(failing.map((f) => f.id))}::json))`);
  const byOcc = new Map(rows.map((r) => [r.occurrence_id, r]));
  return failing.map((f) => {
    const m = byOcc.get(f.id);
    return { ...f, remediationStatus: m?.status ?? null, remediationOwner: m?.owner ?? null, remediationDueOn: m?.due_on ?? null };
  });
}

export async function listChecklist(executor: Executor, periodId: string): Promise<ChecklistItem[]> {
  const rows = await executor
    .select({
      id: auditChecklistItems.id,
      category: sql<ChecklistCategory>`${auditChecklistItems.category}`,
      title: auditChecklistItems.title,
      description: auditChecklistItems.description,
      ownerId: auditChecklistItems.ownerId,
      ownerName: users.name,
      status: sql<ChecklistStatus>`${auditChecklistItems.status}`,
      evidence: sql<{ id: string; filename: string; sha256: string }[]>`coalesce((
        select json_agg(json_build_object('id', e.id, 'filename', e.filename, 'sha256', e.sha256) order by e.uploaded_at)
          from audit_checklist_evidence l join control_evidence e on e.id = l.evidence_id where l.item_id = ${auditChecklistItems.id}), '[]'::json)`,
    })
    .from(auditChecklistItems)
    .leftJoin(users, eq(users.id, auditChecklistItems.ownerId))
    .where(eq(auditChecklistItems.periodId, periodId))
    .orderBy(asc(auditChecklistItems.sortOrder));
  return rows;
}
