import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { buildCanonicalEvent } from "./canonical";
import { checkpointHead } from "./checkpoints";
import { chainHash } from "./hash";
import { checkpointInterval } from "./signing-key";
import type { AuditActor } from "@/lib/context";
import type { AuditEventInput } from "./vocabulary";

/**
 * The only code that inserts audit events (DESIGN.md invariant 1). Two ways in, one chain:
 *
 * - recordAudit / recordAuditEvents, for every change a service makes: the event is staged
 *   in the caller's transaction and chained when it commits (migration 0019). At COMMIT,
 *   PostgreSQL takes the chain-head row lock, hashes and inserts, so the lock is held for the
 *   commit alone and never across a round trip to this process: concurrent writers do not
 *   queue behind a busy client. If chaining fails, the COMMIT fails and the change goes with
 *   it (fail closed); if the transaction rolls back, the staged event goes with it.
 * - appendAuditEvents, for the machine API's batches: it takes the same head lock now,
 *   chains the whole batch in Node with one multi-row insert, and returns each event's
 *   sequence number and hash to report back.
 *
 * A transaction that uses both gets its batch chained first and its staged events at commit.
 */
export type StagedEvent = { eventId: string };
export type AppendedEvent = { seq: number; hash: string; eventId: string };

/** Stages one event; it is chained when the transaction commits. */
export async function recordAudit(tx: Transaction, actor: AuditActor, input: AuditEventInput): Promise<StagedEvent> {
  const [staged] = await recordAuditEvents(tx, actor, [input]);
  return staged!;
}

/** Stages several events in one statement; they are chained at commit, in this order. */
export async function recordAuditEvents(
  tx: Transaction,
  actor: AuditActor,
  inputs: AuditEventInput[],
  now = new Date(),
): Promise<StagedEvent[]> {
  return stage(tx, actor, inputs, now);
}

async function stage(executor: Executor, actor: AuditActor, inputs: AuditEventInput[], now = new Date()): Promise<StagedEvent[]> {
  if (inputs.length === 0) return [];
  const { statement, events } = stagingStatement(actor, inputs, now);
  await executor.execute(statement);
  return events;
}

/**
 * The statement that stages events, for a change made by one autocommit statement to carry
 * as a data-modifying CTE (PostgreSQL runs those exactly once, to completion): the change and
 * its events then commit, and are chained, together.
 */
export function stagingStatement(
  actor: AuditActor,
  inputs: AuditEventInput[],
  now = new Date(),
): { statement: SQL; events: StagedEvent[] } {
  const docs = inputs.map((input) => buildCanonicalEvent(actor, input, now));
  // One array parameter (postgres.js escapes it); unnest keeps its order, and deferred
  // triggers fire in insertion order.
  return {
    statement: sql`INSERT INTO audit_pending (canonical) SELECT unnest(${sql.param(docs.map((d) => d.text))}::text[])`,
    events: docs.map((d) => ({ eventId: d.event.id })),
  };
}

/** Chains a batch now, under one head-lock acquisition, and signs a checkpoint if it crossed the interval. */
export async function appendAuditEvents(
  tx: Transaction,
  actor: AuditActor,
  inputs: AuditEventInput[],
  now = new Date(),
): Promise<AppendedEvent[]> {
  if (inputs.length === 0) return [];
  const docs = inputs.map((input) => buildCanonicalEvent(actor, input, now));
  const [head] = await tx.execute<{ seq: string; hash: string }>(sql`SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
  if (!head) throw new Error("audit chain head is missing");
  let seq = Number(head.seq);
  let prev = head.hash;
  const chained = docs.map((doc) => {
    seq += 1;
    const hash = chainHash(seq, prev, doc.text);
    const row = { seq, prevHash: prev, hash, text: doc.text, eventId: doc.event.id };
    prev = hash;
    return row;
  });
  await tx.execute(sql`
    INSERT INTO audit_events (seq, canonical, prev_hash, hash)
    SELECT * FROM unnest(${sql.param(chained.map((r) => r.seq))}::bigint[], ${sql.param(chained.map((r) => r.text))}::text[],
                         ${sql.param(chained.map((r) => r.prevHash))}::text[], ${sql.param(chained.map((r) => r.hash))}::text[])`);
  const last = chained[chained.length - 1]!;
  await tx.execute(sql`UPDATE audit_chain_head SET seq = ${last.seq}, prev_hash = ${last.prevHash}, hash = ${last.hash} WHERE id = 1`);
  // We still hold the head lock, so the checkpoint names exactly the head we wrote.
  const every = checkpointInterval();
  if (Math.floor(last.seq / every) > Math.floor((chained[0]!.seq - 1) / every)) await checkpointHead(tx);
  return chained.map((r) => ({ seq: r.seq, hash: r.hash, eventId: r.eventId }));
}

/**
 * An event that accompanies no change (a denial, an export, a sign-in attempt): staged by one
 * autocommit statement, whose own commit chains it. One round trip instead of three.
 */
export async function recordAuditOnly(actor: AuditActor, input: AuditEventInput): Promise<StagedEvent> {
  const [staged] = await stage(db, actor, [input]);
  return staged!;
}
