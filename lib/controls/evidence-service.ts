import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import {
  auditChecklistEvidence,
  auditChecklistItems,
  controlEvidence,
  controlEvidenceLinks,
  controls,
  controlTestOccurrences,
} from "@/db/schema";
import { recordAudit, recordAuditOnly } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { checkEvidenceFile } from "./evidence-file";
import { evidenceStorage, sha256Hex } from "./evidence-storage";
import type { LinkEvidenceInput, UploadEvidenceFields } from "./schemas";
import { assertMayWorkOn } from "./test-service";
import { getEvidence, type EvidenceItem } from "./test-queries";
import { todayUtc } from "./today";

/** Evidence: upload (checked, hashed, stored), link to tests, and read back with its hash checked. */

async function lockOccurrenceOwner(tx: Transaction, occurrenceId: string) {
  const [occ] = await tx
    .select({ id: controlTestOccurrences.id, ownerId: controls.ownerId })
    .from(controlTestOccurrences)
    .innerJoin(controls, eq(controls.id, controlTestOccurrences.controlId))
    .where(eq(controlTestOccurrences.id, occurrenceId));
  if (!occ) throw new AppError("validation", "Unknown test.", { fieldErrors: { occurrenceId: ["Unknown test."] } });
  return occ;
}

export async function uploadEvidence(
  tx: Transaction,
  ctx: RequestContext,
  file: { name: string; bytes: Uint8Array },
  fields: UploadEvidenceFields,
  today = todayUtc(),
): Promise<{ id: string; sha256: string; sizeBytes: number; contentType: string }> {
  // Everything is checked before anything is written: a refused upload stores nothing.
  const { contentType, filename } = checkEvidenceFile(file);
  if (fields.evidenceDate > today)
    throw new AppError("validation", "Evidence cannot be dated in the future.", {
      fieldErrors: { evidenceDate: ["Evidence cannot be dated in the future."] },
    });
  if (fields.occurrenceId)
    assertMayWorkOn(ctx, (await lockOccurrenceOwner(tx, fields.occurrenceId)).ownerId, "attaches evidence to its tests");
  const sha256 = sha256Hex(file.bytes);
  const storage = evidenceStorage();
  await storage.put(tx, sha256, file.bytes);
  const [row] = await tx
    .insert(controlEvidence)
    .values({
      filename,
      contentType,
      sizeBytes: file.bytes.length,
      sha256,
      storage: storage.name,
      evidenceDate: fields.evidenceDate,
      description: fields.description,
      uploadedBy: ctx.user!.id,
    })
    .returning({ id: controlEvidence.id });
  if (fields.occurrenceId)
    await tx.insert(controlEvidenceLinks).values({ evidenceId: row!.id, occurrenceId: fields.occurrenceId, linkedBy: ctx.user!.id });
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "control_evidence.uploaded",
    outcome: "success",
    resource: { type: "control_evidence", id: row!.id },
    metadata: {
      before: null,
      after: {
        filename,
        contentType,
        sizeBytes: file.bytes.length,
        sha256,
        evidenceDate: fields.evidenceDate,
        occurrenceId: fields.occurrenceId ?? null,
      },
    },
  });
  return { id: row!.id, sha256, sizeBytes: file.bytes.length, contentType };
}

/** The upload route's verb: its own transaction around uploadEvidence. */
export async function storeUploadedEvidence(ctx: RequestContext, file: { name: string; bytes: Uint8Array }, fields: UploadEvidenceFields) {
  return db.transaction((tx) => uploadEvidence(tx, ctx, file, fields));
}

export async function linkEvidence(tx: Transaction, ctx: RequestContext, input: LinkEvidenceInput): Promise<void> {
  assertMayWorkOn(ctx, (await lockOccurrenceOwner(tx, input.occurrenceId)).ownerId, "attaches evidence to its tests");
  const [ev] = await tx
    .select({ id: controlEvidence.id, sha256: controlEvidence.sha256 })
    .from(controlEvidence)
    .where(eq(controlEvidence.id, input.evidenceId));
  if (!ev) throw new AppError("validation", "Choose evidence.", { fieldErrors: { evidenceId: ["Unknown evidence."] } });
  const inserted = await tx
    .insert(controlEvidenceLinks)
    .values({ ...input, linkedBy: ctx.user!.id })
    .onConflictDoNothing()
    .returning({ evidenceId: controlEvidenceLinks.evidenceId });
  if (inserted.length === 0) return;
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "control_evidence.linked",
    outcome: "success",
    resource: { type: "control_evidence", id: ev.id },
    metadata: { before: null, after: { occurrenceId: input.occurrenceId, sha256: ev.sha256 } },
  });
}

export async function linkChecklistEvidence(
  tx: Transaction,
  ctx: RequestContext,
  input: { itemId: string; evidenceId: string },
): Promise<void> {
  const [item] = await tx
    .select({ id: auditChecklistItems.id, ownerId: auditChecklistItems.ownerId, title: auditChecklistItems.title })
    .from(auditChecklistItems)
    .where(eq(auditChecklistItems.id, input.itemId));
  if (!item) throw new AppError("not_found", "No such checklist item.");
  assertMayWorkOn(ctx, item.ownerId ?? "", "links evidence to this item");
  const [ev] = await tx
    .select({ id: controlEvidence.id, sha256: controlEvidence.sha256 })
    .from(controlEvidence)
    .where(eq(controlEvidence.id, input.evidenceId));
  if (!ev) throw new AppError("validation", "Choose evidence.", { fieldErrors: { evidenceId: ["Unknown evidence."] } });
  const inserted = await tx
    .insert(auditChecklistEvidence)
    .values({ ...input, linkedBy: ctx.user!.id })
    .onConflictDoNothing()
    .returning({ itemId: auditChecklistEvidence.itemId });
  if (inserted.length === 0) return;
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "audit_checklist.evidence_linked",
    outcome: "success",
    resource: { type: "audit_checklist_item", id: item.id },
    metadata: { before: null, after: { title: item.title, evidenceId: ev.id, sha256: ev.sha256 } },
  });
}

export type EvidenceDownload = { meta: EvidenceItem; bytes: Uint8Array };

/**
 * Reads a file back and checks it against the SHA-256 recorded at upload. A mismatch is a
 * security event and nothing is served; a match is recorded as an access.
 */
export async function readEvidence(ctx: RequestContext, evidenceId: string): Promise<EvidenceDownload> {
  const meta = await getEvidence(db, evidenceId);
  if (!meta) throw new AppError("not_found", "No such evidence.");
  const bytes = await evidenceStorage(meta.storage).get(db, meta.sha256);
  const actual = bytes ? sha256Hex(bytes) : null;
  const intact = bytes !== null && actual === meta.sha256 && bytes.length === meta.sizeBytes;
  await recordAuditOnly(auditActor(ctx), {
    type: intact ? "data_access" : "security_alert",
    action: intact ? "control_evidence.downloaded" : "control_evidence.integrity_failed",
    outcome: intact ? "success" : "failure",
    resource: { type: "control_evidence", id: meta.id },
    metadata: { filename: meta.filename, expectedSha256: meta.sha256, actualSha256: actual, sizeBytes: meta.sizeBytes },
  });
  if (!intact)
    throw new AppError(
      "conflict",
      `The stored file does not match the SHA-256 recorded at upload (${meta.sha256}); it is not served. This has been recorded as a security event.`,
    );
  return { meta, bytes: bytes! };
}
