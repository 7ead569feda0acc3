import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { consentRecords } from "@/db/schema";
import { actionRegistry } from "@/lib/actions/define-action";
import { pseudonymize } from "./pseudonym";

/** Shared by the privacy service tests (imported only from *.service.test.ts). */

// Service tests need a key; scripts/test.mjs passes a fresh one, a bare vitest run may not.
process.env.ASSAY_PSEUDONYM_KEY ??= randomBytes(32).toString("base64");

export function action(name: string) {
  const a = actionRegistry.get(name);
  if (!a) throw new Error(`action ${name} is not registered`);
  return a;
}

/** A subject identifier unique to this run (an email-shaped one: the usual case). */
export function uniqueSubject(label = "subject"): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}@people.example`;
}

export async function recordsOf(subjectId: string) {
  return db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.subjectPseudonym, pseudonymize(subjectId)))
    .orderBy(consentRecords.recordedAt);
}

export async function countConsentRecords(): Promise<number> {
  const [row] = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM consent_records`);
  return Number(row!.n);
}

export const grant = (subjectId: string, purposes: string[], extra: Record<string, unknown> = {}) => ({
  subjectId,
  consentType: "explicit",
  status: "granted",
  purposes,
  policyVersion: "2026-01",
  ...extra,
});
