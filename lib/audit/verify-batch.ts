import "server-only";
import type { Sql } from "postgres";
import { HASH_DOMAIN } from "./hash";

/**
 * One batch of the fast path, inside PostgreSQL: every row's hash recomputed with sha256()
 * from its stored canonical text and its link compared with the previous row's hash (lag),
 * next to the data, on as many server cores as batches run at once. Only rows worth a
 * look come back — the batch's first and last, failures, checkpoint positions — and Node
 * re-hashes each of those itself, so the two implementations cross-check on every batch.
 * The query columns need no check here: the caller has established that PostgreSQL
 * generates them from the canonical text (projection-guard.ts).
 */
export type BatchRow = {
  seq: string;
  hash: string;
  prev_hash: string;
  canonical: string;
  prev_seq: string | null;
  prev_row_hash: string | null;
  content_ok: boolean;
};

export function verifyBatch(sql: Sql, table: string, from: number, to: number, checkpointSizes: number[]) {
  return sql<BatchRow[]>`
    WITH checked AS (
      SELECT seq, hash, prev_hash, canonical,
             lag(seq) OVER w AS prev_seq,
             lag(hash) OVER w AS prev_row_hash,
             lead(seq) OVER w IS NULL AS is_last,
             hash = encode(sha256(convert_to(
               ${HASH_DOMAIN}::text || E'\n' || seq::text || E'\n' || prev_hash || E'\n' || canonical, 'UTF8')), 'hex') AS content_ok
        FROM ${sql(table)}
       WHERE seq BETWEEN ${from} AND ${to}
      WINDOW w AS (ORDER BY seq)
    )
    SELECT seq::text, hash, prev_hash, canonical, prev_seq::text, prev_row_hash, content_ok
      FROM checked
     WHERE prev_seq IS NULL OR is_last OR NOT content_ok
        OR seq <> prev_seq + 1 OR prev_hash <> prev_row_hash
        OR seq = ANY(${checkpointSizes}::bigint[])
     -- checked.seq, not seq: a bare name would be the output column seq::text, sorted as text.
     ORDER BY checked.seq`;
}
