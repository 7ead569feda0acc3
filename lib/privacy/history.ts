import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { consentRecords, privacyPurposes } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ConsentHistoryRecord, ConsentStatus } from "./consent-state";

/** Reads shared by the consent services, the check and the access report. */

export type Purpose = { key: string; label: string; description: string; allowedFields: string[] };

export async function listPurposes(db: Executor): Promise<Purpose[]> {
  return db
    .select({ key: privacyPurposes.key, label: privacyPurposes.label, description: privacyPurposes.description, allowedFields: privacyPurposes.allowedFields })
    .from(privacyPurposes)
    .orderBy(asc(privacyPurposes.key));
}

/** Refuses purposes that are not in the catalog, naming the field the form shows it on. */
export function assertKnownPurposes(catalog: readonly Purpose[], purposes: readonly string[], field = "purposes"): void {
  const known = new Set(catalog.map((p) => p.key));
  const unknown = purposes.filter((p) => !known.has(p));
  if (unknown.length > 0) {
    const message = `Unknown purpose: ${unknown.join(", ")}.`;
    throw new AppError("validation", message, { fieldErrors: { [field]: [message] } });
  }
}

export type ConsentRecordView = ConsentHistoryRecord & { consentType: string; policyVersion: string; source: string };

/** One subject's history, newest first (the index consent_records_subject_idx). */
export async function subjectHistory(db: Executor, subjectPseudonym: string): Promise<ConsentRecordView[]> {
  const rows = await db
    .select({
      id: consentRecords.id,
      status: consentRecords.status,
      purposes: consentRecords.purposes,
      recordedAt: consentRecords.recordedAt,
      expiresAt: consentRecords.expiresAt,
      consentType: consentRecords.consentType,
      policyVersion: consentRecords.policyVersion,
      source: consentRecords.source,
    })
    .from(consentRecords)
    .where(eq(consentRecords.subjectPseudonym, subjectPseudonym))
    .orderBy(desc(consentRecords.recordedAt));
  return rows.map((r) => ({ ...r, status: r.status as ConsentStatus }));
}

/**
 * The consent check's one round trip: the purpose (with its minimization rule) and the
 * subject's history, newest first. `purpose` is null when the key is not in the catalog.
 */
export async function purposeAndHistory(db: Executor, purposeKey: string, subjectPseudonym: string): Promise<{ purpose: Purpose | null; history: ConsentHistoryRecord[] }> {
  const rows = await db.execute<{ key: string; label: string; description: string; allowed_fields: string[]; history: { id: string; status: ConsentStatus; purposes: string[]; recordedAt: string; expiresAt: string }[] }>(sql`
    SELECT p.key, p.label, p.description, p.allowed_fields,
           coalesce((SELECT json_agg(json_build_object('id', c.id, 'status', c.status, 'purposes', c.purposes,
                                                       'recordedAt', c.recorded_at, 'expiresAt', c.expires_at) ORDER BY c.recorded_at DESC)
                       FROM consent_records c WHERE c.subject_pseudonym = ${subjectPseudonym}), '[]'::json) AS history
      FROM (SELECT 1) one LEFT JOIN privacy_purposes p ON p.key = ${purposeKey}`);
  const row = rows[0]!;
  return {
    purpose: row.key ? { key: row.key, label: row.label, description: row.description, allowedFields: row.allowed_fields } : null,
    history: row.history.map((r) => ({ ...r, recordedAt: new Date(r.recordedAt), expiresAt: new Date(r.expiresAt) })),
  };
}
