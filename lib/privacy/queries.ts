import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { consentRecords, dataSubjectRequests, processingActivities, users } from "@/db/schema";
import { rolesFor } from "@/lib/auth/permissions";
import { displayRef } from "./pseudonym";
import type { ActivityRow, ConsentRow, RequestRow } from "./rows";

export type { ActivityRow, ConsentRow, RequestRow } from "./rows";

import { listPurposes as listPurposesIn, type Purpose } from "./history";

export type { Purpose };

export function listPurposes(executor: Executor = db): Promise<Purpose[]> {
  return listPurposesIn(executor);
}

/** Reads for the privacy pages. Subjects appear only as display references. */

export async function listRecentConsents(limit = 100, executor: Executor = db): Promise<ConsentRow[]> {
  const rows = await executor
    .select({
      id: consentRecords.id,
      subjectPseudonym: consentRecords.subjectPseudonym,
      consentType: consentRecords.consentType,
      status: consentRecords.status,
      purposes: consentRecords.purposes,
      policyVersion: consentRecords.policyVersion,
      source: consentRecords.source,
      recordedAt: consentRecords.recordedAt,
      expiresAt: consentRecords.expiresAt,
    })
    .from(consentRecords)
    .orderBy(desc(consentRecords.recordedAt))
    .limit(limit);
  return rows.map(({ subjectPseudonym, ...r }) => ({
    ...r,
    subject: displayRef(subjectPseudonym),
    recordedAt: r.recordedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

export async function listRequests(executor: Executor = db): Promise<RequestRow[]> {
  const rows = await executor
    .select({
      id: dataSubjectRequests.id,
      subjectPseudonym: dataSubjectRequests.subjectPseudonym,
      type: dataSubjectRequests.type,
      status: dataSubjectRequests.status,
      receivedAt: dataSubjectRequests.receivedAt,
      dueAt: dataSubjectRequests.dueAt,
      completedAt: dataSubjectRequests.completedAt,
      assignee: users.name,
      resolution: dataSubjectRequests.resolution,
    })
    .from(dataSubjectRequests)
    .leftJoin(users, eq(users.id, dataSubjectRequests.assigneeId))
    .orderBy(sql`${dataSubjectRequests.completedAt} is not null`, asc(dataSubjectRequests.dueAt))
    .limit(500);
  return rows.map(({ subjectPseudonym, ...r }) => ({
    ...r,
    subject: displayRef(subjectPseudonym),
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
}

export async function listActivities(executor: Executor = db): Promise<ActivityRow[]> {
  return executor
    .select({
      id: processingActivities.id,
      name: processingActivities.name,
      purpose: processingActivities.purpose,
      dataCategories: processingActivities.dataCategories,
      legalBasis: processingActivities.legalBasis,
      retentionDays: processingActivities.retentionDays,
      recipients: processingActivities.recipients,
    })
    .from(processingActivities)
    .orderBy(asc(processingActivities.name));
}

/** Assignee choices: the people who may work on requests. */
export async function listAssignees(executor: Executor = db): Promise<{ id: string; name: string }[]> {
  const roles = sql.join(
    rolesFor("privacy.requests_manage").map((r) => sql`${r}`),
    sql`, `,
  );
  const rows = await executor.execute<{ id: string; name: string }>(sql`
    SELECT DISTINCT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id
     WHERE r.role IN (${roles}) AND u.disabled_at IS NULL ORDER BY u.name`);
  return [...rows];
}
