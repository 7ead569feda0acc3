import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { consentRecords, privacyPurposes } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ConsentHistoryRecord, ConsentStatus } from "./consent-state";

/** Reads shared by the consent services, the check and the access report. */

export type Purpose = { key: string; label: string; description: string; allowedFields: string[] };

export async function listPurposes(db: Executor): Promise<Purpose[]> {
  return db
    .select({
      key: privacyPurposes.key,
      label: privacyPurposes.label,
      description: privacyPurposes.description,
      allowedFields: privacyPurposes.allowedFields,
    })
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

/**
 * One subject's history, newest first (the index consent_records_subject_idx); records of
 * the same instant by id, the order consent_check() (migration 0021) decides in.
 */
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
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.id));
  return rows.map((r) => ({ ...r, status: r.status as ConsentStatus }));
}
