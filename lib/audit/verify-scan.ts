import "server-only";
import { sqlClient } from "@/db/client";
import { ChainVerifier, type ChainFailure } from "./chain-verifier";
import type { CheckpointTracker } from "./checkpoint-tracker";
import { copyRows } from "./copy-rows";
import { chainHash } from "./hash";
import { verifyBatch, type BatchRow } from "./verify-batch";

/** Where a scan starts and what it reports to; both scanners share it. */
export type Scan = {
  table: string;
  from: number;
  to: number;
  prevHash: string;
  tracker: CheckpointTracker;
  onRows: (checked: number) => void;
  signal?: AbortSignal;
};

export type ScanEnd = { failure: ChainFailure | null; nextSeq: number; prevHash: string };

/**
 * The fast path: batches verified inside PostgreSQL (verify-batch.ts), two at a time —
 * one per core on small machines — and consumed in order. A batch PostgreSQL cannot
 * evaluate (a canonical text that is no longer UTF-8-clean, say) is re-done in Node.
 */
export async function scanInDatabase(s: Scan, batchSize = 50_000): Promise<ScanEnd> {
  const sql = sqlClient();
  const ranges: [number, number][] = [];
  for (let a = s.from; a <= s.to; a += batchSize) ranges.push([a, Math.min(s.to, a + batchSize - 1)]);
  const pending = new Map<number, Promise<BatchRow[] | Error>>();
  const launch = (i: number) => {
    const r = ranges[i];
    if (r && !pending.has(i))
      pending.set(
        i,
        verifyBatch(sql, s.table, r[0], r[1], s.tracker.sizes).catch((e: Error) => e),
      );
  };
  let end: ScanEnd = { failure: null, nextSeq: s.from, prevHash: s.prevHash };
  try {
    for (let i = 0; i < ranges.length && !end.failure; i++) {
      if (s.signal?.aborted) throw new Error("verification cancelled");
      launch(i);
      launch(i + 1);
      const result = await pending.get(i)!;
      pending.delete(i);
      const [a, b] = ranges[i]!;
      end =
        result instanceof Error
          ? await scanInNode({ ...s, from: a, to: b, prevHash: end.prevHash }, end.nextSeq)
          : sparse(result, end, s.tracker);
      s.onRows(end.nextSeq - s.from);
    }
  } finally {
    await Promise.all(pending.values()); // no batch left running against the pool
  }
  return end;
}

/** The checks for the rows PostgreSQL sent back: batch boundaries, failures, checkpoints. */
function sparse(rows: BatchRow[], start: ScanEnd, tracker: CheckpointTracker): ScanEnd {
  let { nextSeq, prevHash } = start;
  for (const row of rows) {
    const seq = Number(row.seq);
    const first = row.prev_seq === null;
    const expectedSeq = first ? nextSeq : Number(row.prev_seq) + 1;
    const fail = (failure: ChainFailure): ScanEnd => ({ failure, nextSeq, prevHash });
    if (seq !== expectedSeq) return fail({ kind: "GAP", seq: expectedSeq, detail: `expected sequence ${expectedSeq}, found ${seq}` });
    if (row.prev_hash !== (first ? prevHash : row.prev_row_hash)) {
      return fail({ kind: "LINK_BREAK", seq, detail: "previous hash does not match the hash of the event before" });
    }
    // Node re-hashes every row it is sent: PostgreSQL's sha256 is cross-checked each batch.
    if (!row.content_ok || chainHash(seq, row.prev_hash, row.canonical) !== row.hash) {
      return fail({ kind: "CONTENT_HASH_MISMATCH", seq, detail: "stored canonical text does not hash to the stored hash" });
    }
    const checkpoint = tracker.check(seq, row.hash);
    if (checkpoint) return fail(checkpoint);
    nextSeq = seq + 1;
    prevHash = row.hash;
  }
  return { failure: null, nextSeq, prevHash };
}

/**
 * The full path: every row streamed into Node through COPY and checked there, query
 * columns included — for copies of the log, or when the catalog no longer guarantees
 * the columns (projection-guard.ts).
 */
export async function scanInNode(s: Scan, startSeq = s.from): Promise<ScanEnd> {
  const verifier = new ChainVerifier({ seq: startSeq, prevHash: s.prevHash });
  let seen = 0;
  for await (const rows of copyRows(s.table, s.from, s.to)) {
    for (const row of rows) {
      const failure = verifier.push(row) ?? s.tracker.check(row.seq, row.hash);
      if (failure) return { failure, nextSeq: verifier.headSeq + 1, prevHash: verifier.headHash };
      if (++seen % 20_000 === 0) {
        if (s.signal?.aborted) throw new Error("verification cancelled");
        s.onRows(verifier.headSeq + 1 - s.from);
      }
    }
  }
  return { failure: null, nextSeq: verifier.headSeq + 1, prevHash: verifier.headHash };
}
