import "server-only";
import { desc, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import { signCheckpoint, type SignedCheckpoint } from "./checkpoint-format";
import { checkpointOrigin, signingKeys } from "./signing-key";

/**
 * Signs the head as it stands in this transaction. Called by the batch appender when its
 * batch crosses a multiple of the interval (inside its transaction, which holds the head
 * lock), by the worker (checkpointDue) and by auditors on demand. Idempotent per size.
 */
export async function checkpointHead(tx: Transaction): Promise<SignedCheckpoint | null> {
  const keys = signingKeys();
  if (!keys) return null;
  const [head] = await tx.execute<{ seq: string; hash: string }>(sql`SELECT seq, hash FROM audit_chain_head WHERE id = 1`);
  if (!head || Number(head.seq) === 0) return null;
  const cp = signCheckpoint(
    { origin: checkpointOrigin(), size: Number(head.seq), headHash: head.hash, time: new Date().toISOString() },
    keys.privateKey,
  );
  await tx
    .insert(auditCheckpoints)
    .values({
      origin: cp.origin,
      size: cp.size,
      headHash: cp.headHash,
      signedAt: new Date(cp.time),
      keyId: cp.keyId,
      signature: cp.signature,
    })
    .onConflictDoNothing({ target: auditCheckpoints.size });
  return cp;
}

export async function listCheckpoints(executor: Executor = db, limit?: number): Promise<SignedCheckpoint[]> {
  const query = executor.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.size));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((r) => ({
    origin: r.origin,
    size: r.size,
    headHash: r.headHash,
    time: r.signedAt.toISOString(),
    keyId: r.keyId,
    signature: r.signature,
  }));
}

/**
 * Whether the worker should sign now: the head moved past the last checkpoint, and either
 * that checkpoint is older than maxAgeMinutes or the log has since crossed a multiple of
 * `every` events. (Events recorded by services are chained at commit, where no signing key
 * is at hand, so the worker signs those crossings on its next tick; the machine API's
 * batches sign theirs inside their own transaction.)
 */
export async function checkpointDue(maxAgeMinutes: number, every: number): Promise<boolean> {
  const [row] = await db.execute<{ due: boolean }>(sql`
    SELECT h.seq > coalesce(c.size, 0)
       AND (coalesce(c.signed_at, '-infinity') < now() - make_interval(mins => ${maxAgeMinutes})
            OR h.seq / ${every}::bigint > coalesce(c.size, 0) / ${every}::bigint) AS due
      FROM audit_chain_head h
      LEFT JOIN LATERAL (SELECT size, signed_at FROM audit_checkpoints ORDER BY size DESC LIMIT 1) c ON true
     WHERE h.id = 1`);
  return Boolean(row?.due);
}
