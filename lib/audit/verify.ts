import "server-only";
import { sqlClient } from "@/db/client";
import { ChainVerifier, type ChainFailure, type CheckpointClaim } from "./chain-verifier";
import { checkpointSignatureValid, keyIdOf, type SignedCheckpoint } from "./checkpoint-format";
import { copyRows } from "./copy-rows";
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
  /** Rows between progress reports. */
  progressEvery?: number;
  signal?: AbortSignal;
};

export type VerifyProgress = { checked: number; total: number; elapsedMs: number };

export type VerifyResult = {
  ok: boolean;
  checked: number;
  fromSeq: number;
  headSeq: number;
  headHash: string;
  lastCheckpoint: { size: number; source: string } | null;
  checkpointsChecked: number;
  failure: ChainFailure | null;
  elapsedMs: number;
};

/**
 * Recomputes every hash in Node from the stored canonical text (never rebuilt from
 * columns, and with none of the writer's SQL), checks every link, every query column and
 * every checkpoint, and reports the first failure. Rows stream in through COPY, so
 * PostgreSQL reads on one core while Node checks on another, and memory stays flat.
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
  const liveHead = !opts.table && opts.toSeq === undefined ? await readHead() : null;
  const [bounds] = await sql<{ max: string | null }[]>`SELECT max(seq)::text AS max FROM ${sql(table)}`;
  const from = Math.max(1, opts.fromSeq ?? 1);
  const to = opts.toSeq ?? liveHead?.seq ?? Number(bounds?.max ?? 0);
  const total = Math.max(0, to - from + 1);

  const startPrev = from === 1 ? GENESIS_HASH : await hashAt(table, from - 1);
  if (startPrev === null) {
    return result(new ChainVerifier({ seq: from, prevHash: GENESIS_HASH }), { kind: "GAP", seq: from - 1, detail: `event ${from - 1}, the range's predecessor, is missing` });
  }
  const verifier = new ChainVerifier({ seq: from, prevHash: startPrev }, claims);
  const every = opts.progressEvery ?? 20_000;
  let failure: ChainFailure | null = null;
  let seen = 0;
  if (total > 0) {
    scan: for await (const rows of copyRows(table, from, to)) {
      for (const row of rows) {
        failure = verifier.push(row);
        if (failure) break scan; // leaving the loop ends the COPY
        if (++seen % every === 0) {
          if (opts.signal?.aborted) throw new Error("verification cancelled");
          opts.onProgress?.({ checked: verifier.checked, total, elapsedMs: Date.now() - started });
        }
      }
    }
  }
  opts.onProgress?.({ checked: verifier.checked, total, elapsedMs: Date.now() - started });
  if (!failure && opts.toSeq === undefined) failure = verifier.finish();
  if (!failure && liveHead) failure = headFailure(liveHead, verifier.headSeq, verifier.headHash);
  return result(verifier, failure);

  function result(v: ChainVerifier, f: ChainFailure | null): VerifyResult {
    return {
      ok: f === null,
      checked: v.checked,
      fromSeq: from,
      headSeq: v.headSeq,
      headHash: v.headHash,
      lastCheckpoint: v.lastCheckpointMatched ? { size: v.lastCheckpointMatched.size, source: v.lastCheckpointMatched.source } : null,
      checkpointsChecked: claims.length,
      failure: f,
      elapsedMs: Date.now() - started,
    };
  }
}

async function hashAt(table: string, seq: number): Promise<string | null> {
  const sql = sqlClient();
  const [row] = await sql<{ hash: string }[]>`SELECT hash FROM ${sql(table)} WHERE seq = ${seq}`;
  return row?.hash ?? null;
}

async function readHead(): Promise<{ seq: number; hash: string } | null> {
  const sql = sqlClient();
  const [head] = await sql<{ seq: string; hash: string }[]>`SELECT seq::text, hash FROM audit_chain_head WHERE id = 1`;
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/** Events missing after the last row while the head (read before the scan) says otherwise: a deleted tail. */
function headFailure(head: { seq: number; hash: string }, headSeq: number, headHash: string): ChainFailure | null {
  if (head.seq > headSeq) return { kind: "GAP", seq: headSeq + 1, detail: `the chain head is at ${head.seq}, the events end at ${headSeq}` };
  if (head.seq === headSeq && head.hash !== headHash) return { kind: "LINK_BREAK", seq: headSeq, detail: "the chain head's hash does not match the last event" };
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
    const { listCheckpoints } = await import("./checkpoints");
    for (const cp of await listCheckpoints()) claims.push(claim(cp, "stored"));
  }
  return claims;
}
