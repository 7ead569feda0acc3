import "server-only";
import { db } from "@/db/client";
import { auditActor, type RequestContext } from "@/lib/context";
import { appendAuditEvents, recordAudit, recordAuditOnly } from "./append";
import type { SignedCheckpoint } from "./checkpoint-format";
import { checkpointHead } from "./checkpoints";
import type { ReportedBatch } from "./schemas";
import type { VerifyResult } from "./verify";

/** The audit log's write path, for every module: the one writer (DESIGN.md invariant 1). */
export { recordAudit, recordAuditEvents, recordAuditOnly, stagingStatement, type StagedEvent } from "./append";

/** Events reported by an AI service or pipeline: one transaction, one lock acquisition. */
export async function ingestReportedEvents(ctx: RequestContext, batch: ReportedBatch) {
  return db.transaction((tx) =>
    appendAuditEvents(
      tx,
      auditActor(ctx),
      batch.events.map((e) => ({
        type: e.type,
        action: e.action,
        outcome: e.outcome,
        resource: e.resource ?? null,
        metadata: e.metadata ?? {},
      })),
    ),
  );
}

/** Each verification run is itself evidence. */
export async function recordVerification(ctx: RequestContext, result: VerifyResult, external: boolean) {
  await recordAuditOnly(auditActor(ctx), {
    type: "data_access",
    action: "audit.chain_verified",
    outcome: result.ok ? "success" : "failure",
    resource: { type: "audit_log", id: null },
    metadata: {
      checked: result.checked,
      fromSeq: result.fromSeq,
      headSeq: result.headSeq,
      headHash: result.headHash,
      lastCheckpoint: result.lastCheckpoint,
      externalCheckpoint: external,
      failure: result.failure,
      elapsedMs: result.elapsedMs,
    },
  });
}

export async function recordExport(ctx: RequestContext, what: string, details: Record<string, unknown>) {
  await recordAuditOnly(auditActor(ctx), {
    type: "data_export",
    action: `audit.${what}_exported`,
    outcome: "success",
    resource: { type: "audit_log", id: null },
    metadata: details,
  });
}

export async function createCheckpointNow(ctx: RequestContext): Promise<SignedCheckpoint | null> {
  return db.transaction(async (tx) => {
    const cp = await checkpointHead(tx);
    await recordAudit(tx, auditActor(ctx), {
      type: "config_change",
      action: "audit.checkpoint_created",
      outcome: cp ? "success" : "failure",
      resource: { type: "audit_checkpoint", id: cp ? String(cp.size) : null },
      metadata: cp ? { size: cp.size, headHash: cp.headHash, keyId: cp.keyId } : { reason: "no signing key or empty log" },
    });
    return cp;
  });
}
