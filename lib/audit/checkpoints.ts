import "server-only";
import { desc, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import { signCheckpoint, type SignedCheckpoint } from "./checkpoint-format";
import { checkpointOrigin, signingKeys } from "./signing-key";

/**
 * Signs the head as it stands in this transaction. Called by the writer when the chain
 * crosses a multiple of the interval (inside the append's transaction, which holds the
 * head lock), by the worker on a timer and by auditors on demand. Idempotent per size.
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
    .values({ origin: cp.origin, size: cp.size, headHash: cp.headHash, signedAt: new Date(cp.time), keyId: cp.keyId, signature: cp.signature })
    .onConflictDoNothing({ target: auditCheckpoints.size });
  return cp;
}

export async function listCheckpoints(executor: Executor = db, limit?: number): Promise<SignedCheckpoint[]> {
  const query = executor.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.size));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((r) => ({ origin: r.origin, size: r.size, headHash: r.headHash, time: r.signedAt.toISOString(), keyId: r.keyId, signature: r.signature }));
}

/** Whether the worker should sign now: the head moved and the last checkpoint is old enough. */
export async function checkpointDue(maxAgeMinutes: number): Promise<boolean> {
  const [row] = await db.execute<{ due: boolean }>(sql`
    SELECT h.seq > coalesce(max(c.size), 0)
       AND coalesce(max(c.signed_at), '-infinity') < now() - make_interval(mins => ${maxAgeMinutes}) AS due
      FROM audit_chain_head h LEFT JOIN audit_checkpoints c ON true
     WHERE h.id = 1 GROUP BY h.seq`);
  return Boolean(row?.due);
}
