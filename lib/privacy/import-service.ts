import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db/client";
import { consentRecords } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError, type FieldErrors } from "@/lib/errors";
import { listPurposes } from "./history";
import { parseConsentCsv } from "./import-csv";
import { readPseudonymKey, pseudonymize } from "./pseudonym";
import type { ConsentSource } from "./schemas";

const BATCH = 1_000;
const REPORTED_ERRORS = 200;

/**
 * All or nothing: every row is validated before any is written, and the rows go in inside
 * the caller's transaction, so a failure part-way rolls back the whole file. The report
 * names each bad row (the first REPORTED_ERRORS of them) as `row.<line>` field errors.
 */
export async function importConsents(tx: Transaction, ctx: RequestContext, csv: string, source: ConsentSource = "import") {
  const catalog = new Set((await listPurposes(tx)).map((p) => p.key));
  const parsed = parseConsentCsv(csv, catalog);
  if (!parsed.ok) {
    const bad = parsed.errors.length;
    const summary = `${bad} ${bad === 1 ? "row is" : "rows are"} invalid: nothing was imported.`;
    const fieldErrors: FieldErrors = { file: [summary] };
    for (const e of parsed.errors.slice(0, REPORTED_ERRORS)) fieldErrors[`row.${e.row}`] = [e.message];
    throw new AppError("validation", summary, { fieldErrors });
  }
  const key = readPseudonymKey();
  const values = parsed.rows.map((r) => ({
    subjectPseudonym: pseudonymize(r.subjectId, "subject", key),
    consentType: r.consentType,
    status: r.status,
    purposes: r.purposes,
    policyVersion: r.policyVersion,
    source,
    recordedAt: r.recordedAt,
    expiresAt: r.expiresAt,
    recordedBy: ctx.user?.id ?? null,
    recordedByApiKey: ctx.apiKey?.id ?? null,
  }));
  for (let i = 0; i < values.length; i += BATCH) await tx.insert(consentRecords).values(values.slice(i, i + BATCH));
  const byStatus = { granted: 0, refused: 0, withdrawn: 0 };
  for (const r of parsed.rows) byStatus[r.status] += 1;
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "consent.imported",
    outcome: "success",
    resource: { type: "consent_import", id: randomUUID() },
    metadata: { before: null, after: { records: values.length, byStatus, source } },
  });
  return { imported: values.length };
}
