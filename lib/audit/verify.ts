import "server-only";
import { sqlClient } from "@/db/client";
import type { ChainFailure, CheckpointClaim } from "./chain-verifier";
import { checkpointSignatureValid, keyIdOf, type SignedCheckpoint } from "./checkpoint-format";
import { CheckpointTracker } from "./checkpoint-tracker";
import { listCheckpoints } from "./checkpoints";
import { chainHead } from "./queries";
import { projectionGuaranteed } from "./projection-guard";
import { scanInDatabase, scanInNode, type Scan, type ScanEnd } from "./verify-scan";
import { GENESIS_HASH } from "./hash";
import { signingKeys } from "./signing-key";

export type VerifyOptions = {
  /** Verify a copy of the log instead of the live table (tests, investigations). */
  table?: string;
  fromSeq?: number;
  toSeq?: number;
  /** Checkpoints held outside the database, e.g. one an auditor kept from an earlier export. */
  externalCheckpoints?: SignedCheckpoint[];
  /** Use the checkpoints stored in the database too (default true). */
  storedCheckpoints?: boolean;
  onProgress?: (p: VerifyProgress) => void;
  /** Events per database batch (fast path); progress is reported after each. */
  batchSize?: number;
  signal?: AbortSignal;
};

export type VerifyProgress = { checked: number; total: number; elapsedMs: number };

export type VerifyResult = {
  ok: boolean;
  checked: number;
  fromSeq: number;
  /** The last event verified good: the log's head on success, the one before the failure otherwise. */
  headSeq: number;
  /** The head's hash on success; empty after a failure. */
  headHash: string;
  lastCheckpoint: { size: number; source: string } | null;
  checkpointsChecked: number;
  failure: ChainFailure | null;
  /** Where the rows were checked: in PostgreSQL (query columns guaranteed by the catalog) or in Node. */
  path: "database" | "node";
  elapsedMs: number;
};

/**
 * Recomputes every hash from the stored canonical text (never rebuilt from columns), checks
 * every link, every query column and every checkpoint, and reports the first failure.
 * When the catalog shows that PostgreSQL generates the query columns from the canonical
 * text (projection-guard.ts), the rows are checked in the database, in parallel batches,
 * and Node re-hashes every row the batches send back; otherwise — a copy of the log, a
 * generation rule dropped — every row is streamed to Node and checked there, columns
 * included. Memory stays flat either way.
 */
export async function verifyChain(opts: VerifyOptions = {}): Promise<VerifyResult> {
  const started = Date.now();
  const sql = sqlClient();
  const table = opts.table ?? "audit_events";
  // On a live log that others keep appending to, order matters: checkpoints, then the head,
  // then the events. A head commits together with its events (and checkpoints), so every
  // event up to the head read here is visible and every checkpoint read before it is at or
  // below it; events appended while we verify lie beyond `to` and are not a gap.
  const claims = await checkpointClaims(opts);
  const liveHead = !opts.table && opts.toSeq === undefined ? await chainHead() : null;
  const [bounds] = await sql<{ max: string | null }[]>`SELECT max(seq)::text AS max FROM ${sql(table)}`;
  const from = Math.max(1, opts.fromSeq ?? 1);
  const to = opts.toSeq ?? liveHead?.seq ?? Number(bounds?.max ?? 0);
  const total = Math.max(0, to - from + 1);

  const tracker = new CheckpointTracker(claims, from);
  const startPrev = from === 1 ? GENESIS_HASH : await hashAt(table, from - 1);
  if (startPrev === null) {
    return result({
      failure: { kind: "GAP", seq: from - 1, detail: `event ${from - 1}, the range's predecessor, is missing` },
      nextSeq: from,
      prevHash: GENESIS_HASH,
    });
  }
  const fast = await projectionGuaranteed(table).catch(() => false);
  const scan: Scan = {
    table,
    from,
    to,
    prevHash: startPrev,
    tracker,
    signal: opts.signal,
    onRows: (checked) => opts.onProgress?.({ checked, total, elapsedMs: Date.now() - started }),
  };
  let end: ScanEnd =
    total > 0
      ? await (fast ? scanInDatabase(scan, opts.batchSize) : scanInNode(scan))
      : { failure: null, nextSeq: from, prevHash: startPrev };
  opts.onProgress?.({ checked: end.nextSeq - from, total, elapsedMs: Date.now() - started });
  if (!end.failure && opts.toSeq === undefined) end = { ...end, failure: tracker.finish(end.nextSeq - 1) };
  if (!end.failure && liveHead) end = { ...end, failure: headFailure(liveHead, end.nextSeq - 1, end.prevHash) };
  return result(end, fast ? "database" : "node");

  function result(end: ScanEnd, path: VerifyResult["path"] = "node"): VerifyResult {
    const lastMatched = tracker.lastMatched;
    // On a failure, the head is the last event verified good (the offline verifier's rule too).
    const headSeq = end.failure ? end.failure.seq - 1 : end.nextSeq - 1;
    return {
      ok: end.failure === null,
      checked: Math.max(0, headSeq - from + 1),
      fromSeq: from,
      headSeq,
      headHash: end.failure ? "" : end.prevHash,
      lastCheckpoint: lastMatched ? { size: lastMatched.size, source: lastMatched.source } : null,
      checkpointsChecked: claims.length,
      failure: end.failure,
      path,
      elapsedMs: Date.now() - started,
    };
  }
}

async function hashAt(table: string, seq: number): Promise<string | null> {
  const sql = sqlClient();
  const [row] = await sql<{ hash: string }[]>`SELECT hash FROM ${sql(table)} WHERE seq = ${seq}`;
  return row?.hash ?? null;
}

/** Events missing after the last row while the head (read before the scan) says otherwise: a deleted tail. */
function headFailure(head: { seq: number; hash: string }, headSeq: number, headHash: string): ChainFailure | null {
  if (head.seq > headSeq)
    return { kind: "GAP", seq: headSeq + 1, detail: `the chain head is at ${head.seq}, the events end at ${headSeq}` };
  if (head.seq === headSeq && head.hash !== headHash)
    return { kind: "LINK_BREAK", seq: headSeq, detail: "the chain head's hash does not match the last event" };
  return null;
}

async function checkpointClaims(opts: VerifyOptions): Promise<CheckpointClaim[]> {
  const keys = signingKeys();
  const claim = (cp: SignedCheckpoint, source: string): CheckpointClaim => ({
    size: cp.size,
    headHash: cp.headHash,
    source,
    signatureValid: keys !== null && cp.keyId === keyIdOf(keys.publicKey) && checkpointSignatureValid(cp, keys.publicKey),
  });
  const claims = (opts.externalCheckpoints ?? []).map((cp) => claim(cp, "external"));
  if (opts.storedCheckpoints !== false && keys) {
    for (const cp of await listCheckpoints()) claims.push(claim(cp, "stored"));
  }
  return claims;
}
