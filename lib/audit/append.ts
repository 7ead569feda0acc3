import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buildCanonicalEvent } from "./canonical";
import { checkpointHead } from "./checkpoints";
import { chainHash, HASH_DOMAIN } from "./hash";
import { checkpointInterval } from "./signing-key";
import type { AuditActor, AuditEventInput } from "./vocabulary";

/**
 * The only code that inserts audit events (DESIGN.md invariant 1).
 *
 * Call it with the transaction that holds the change, as the last statement before commit:
 * the append locks the chain-head row until the transaction ends, so concurrent writers in
 * any number of processes queue on that one row, in READ COMMITTED, and the chain cannot
 * fork. If the transaction rolls back, the event goes with it; if the append fails, the
 * change goes with it (fail closed).
 */
export async function recordAudit(tx: Transaction, actor: AuditActor, input: AuditEventInput): Promise<AppendedEvent> {
  const [appended] = await appendAuditEvents(tx, actor, [input]);
  return appended!;
}

export type AppendedEvent = { seq: number; hash: string; eventId: string };

/** Appends several events under one lock acquisition (the machine API's batches). */
export async function appendAuditEvents(
  tx: Transaction,
  actor: AuditActor,
  inputs: AuditEventInput[],
  now = new Date(),
): Promise<AppendedEvent[]> {
  const docs = inputs.map((input) => buildCanonicalEvent(actor, input, now));
  if (docs.length === 0) return [];
  const appended =
    docs.length === 1
      ? [await appendOne(tx, docs[0]!.text, docs[0]!.event.id)]
      : await appendMany(tx, docs.map((d) => ({ text: d.text, eventId: d.event.id })));
  // Sign a checkpoint when this append crossed a multiple of the interval; we still hold
  // the head lock, so the checkpoint names exactly the head we wrote.
  const every = checkpointInterval();
  const last = appended[appended.length - 1]!.seq;
  if (Math.floor(last / every) > Math.floor((appended[0]!.seq - 1) / every)) await checkpointHead(tx);
  return appended;
}

/**
 * One statement: advance the head (taking its row lock) and insert the event, with the
 * hash computed by PostgreSQL from the head it just locked. No read-then-write round trip,
 * so the lock is held for the shortest possible time.
 */
async function appendOne(tx: Transaction, text: string, eventId: string): Promise<AppendedEvent> {
  const rows = await tx.execute<{ seq: string; hash: string }>(sql`
    WITH doc AS (SELECT ${text}::text AS canonical),
    head AS (
      UPDATE audit_chain_head
         SET seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(
               ${HASH_DOMAIN}::text || E'\n' || (seq + 1)::text || E'\n' || hash || E'\n' || (SELECT canonical FROM doc),
               'UTF8')), 'hex')
       WHERE id = 1
      RETURNING seq, prev_hash, hash
    )
    INSERT INTO audit_events (seq, canonical, prev_hash, hash)
    SELECT head.seq, doc.canonical, head.prev_hash, head.hash
      FROM head, doc
    RETURNING seq, hash`);
  const row = rows[0];
  if (!row) throw new Error("audit append wrote no row: is the chain head missing?");
  return { seq: Number(row.seq), hash: row.hash, eventId };
}

/** Lock the head, chain the batch in Node (same formula), insert all rows, move the head. */
async function appendMany(tx: Transaction, docs: { text: string; eventId: string }[]): Promise<AppendedEvent[]> {
  const heads = await tx.execute<{ seq: string; hash: string }>(
    sql`SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
  );
  const head = heads[0];
  if (!head) throw new Error("audit chain head is missing");
  let seq = Number(head.seq);
  let prev = head.hash;
  const chained = docs.map((doc) => {
    seq += 1;
    const hash = chainHash(seq, prev, doc.text);
    const row = { seq, prevHash: prev, hash, text: doc.text, eventId: doc.eventId };
    prev = hash;
    return row;
  });
  const values = sql.join(
    chained.map((r) => sql`(${r.seq}::bigint, ${r.text}::text, ${r.prevHash}::text, ${r.hash}::text)`),
    sql`, `,
  );
  await tx.execute(sql`INSERT INTO audit_events (seq, canonical, prev_hash, hash) VALUES ${values}`);
  const last = chained[chained.length - 1]!;
  await tx.execute(
    sql`UPDATE audit_chain_head SET seq = ${last.seq}, prev_hash = ${last.prevHash}, hash = ${last.hash} WHERE id = 1`,
  );
  return chained.map((r) => ({ seq: r.seq, hash: r.hash, eventId: r.eventId }));
}
