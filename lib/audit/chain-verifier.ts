import { chainHash, GENESIS_HASH } from "./hash";
import { canonicalTimeOf, projectionAgrees } from "./projection-fast";

/**
 * Pure, incremental chain verification: feed rows in sequence order, get the first
 * failure. No I/O, so the same code checks the live table, a scratch table in tests and
 * an exported bundle.
 */
export type FailureKind =
  | "GAP"
  | "LINK_BREAK"
  | "CONTENT_HASH_MISMATCH"
  | "PROJECTION_MISMATCH"
  | "TRUNCATED_BELOW_CHECKPOINT"
  | "CHECKPOINT_MISMATCH"
  | "CHECKPOINT_SIGNATURE_INVALID";

/** A checkpoint to hold the chain to; the caller has already checked its signature. */
export type CheckpointClaim = { size: number; headHash: string; signatureValid: boolean; source: string };

export type ChainFailure = { kind: FailureKind; seq: number; detail: string };

/** The query columns of a row, as read from the table (null where the source has none). */
export type Projection = {
  eventId: string;
  /** A Date, or PostgreSQL's ISO text of a UTC timestamptz (`2026-11-26 17:50:25.765+00`). */
  occurredAt: Date | string;
  eventType: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorIp: string | null;
  actorUserAgent: string | null;
  actorSessionId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  action: string;
  outcome: string;
  /** The jsonb column, parsed, or as text (parsed here only when needed). */
  metadata?: unknown;
  metadataText?: string;
};

export type ChainRow = { seq: number; prevHash: string; hash: string; canonical: string; projection?: Projection };

export class ChainVerifier {
  private expectedSeq: number;
  private expectedPrev: string;
  private lastHash: string;
  checked = 0;

  /**
   * Start at genesis, or mid-chain at (seq, hash of seq-1) to verify a range. Checkpoints are
   * not its business: callers hold the chain to them with a CheckpointTracker.
   */
  constructor(start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH }) {
    this.expectedSeq = start.seq;
    this.expectedPrev = start.prevHash;
    this.lastHash = start.prevHash;
  }

  get headSeq(): number {
    return this.expectedSeq - 1;
  }

  get headHash(): string {
    return this.lastHash;
  }

  push(row: ChainRow): ChainFailure | null {
    if (row.seq !== this.expectedSeq) {
      return { kind: "GAP", seq: this.expectedSeq, detail: `expected sequence ${this.expectedSeq}, found ${row.seq}` };
    }
    if (row.prevHash !== this.expectedPrev) {
      return { kind: "LINK_BREAK", seq: row.seq, detail: "previous hash does not match the hash of the event before" };
    }
    if (chainHash(row.seq, row.prevHash, row.canonical) !== row.hash) {
      return { kind: "CONTENT_HASH_MISMATCH", seq: row.seq, detail: "stored canonical text does not hash to the stored hash" };
    }
    if (
      row.projection &&
      !(
        row.projection.metadataText !== undefined &&
        projectionAgrees(row.canonical, row.projection as Projection & { metadataText: string })
      )
    ) {
      const column = projectionMismatch(row.canonical, row.projection);
      if (column) {
        return { kind: "PROJECTION_MISMATCH", seq: row.seq, detail: `column ${column} disagrees with the canonical text` };
      }
    }
    this.checked += 1;
    this.expectedSeq += 1;
    this.expectedPrev = row.hash;
    this.lastHash = row.hash;
    return null;
  }
}

/** Returns the first query column that disagrees with the hashed document, or null. */
export function projectionMismatch(canonical: string, p: Projection): string | null {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(canonical) as Record<string, unknown>;
  } catch {
    return "canonical";
  }
  const actor = (doc.actor ?? {}) as Record<string, unknown>;
  const resource = (doc.resource ?? {}) as Record<string, unknown>;
  const checks: [string, unknown, unknown][] = [
    ["event_id", doc.id, p.eventId],
    ["occurred_at", true, timeMatches(doc.time, p.occurredAt)],
    ["event_type", doc.type, p.eventType],
    ["actor_user_id", actor.userId ?? null, p.actorUserId],
    ["actor_api_key_id", actor.apiKeyId ?? null, p.actorApiKeyId],
    ["actor_ip", actor.ip ?? null, p.actorIp],
    ["actor_user_agent", actor.userAgent ?? null, p.actorUserAgent],
    ["actor_session_id", actor.sessionId ?? null, p.actorSessionId],
    ["resource_type", resource.type ?? null, p.resourceType],
    ["resource_id", resource.id ?? null, p.resourceId],
    ["action", doc.action, p.action],
    ["outcome", doc.outcome, p.outcome],
  ];
  for (const [column, expected, actual] of checks) if (expected !== actual) return column;
  // jsonb normalizes key order and number spelling: compare values, not text.
  const metadata = p.metadataText !== undefined ? safeParse(p.metadataText) : p.metadata;
  if (!jsonEqual(doc.metadata ?? {}, metadata ?? {})) return "metadata";
  return null;
}

/**
 * The column and the document name the same instant (to the microsecond). Instants, not
 * spellings: verification judges what the stored text says, as the offline verifier does.
 */
function timeMatches(canonicalTime: unknown, column: Date | string): boolean {
  if (typeof canonicalTime !== "string") return false;
  const documentMs = Date.parse(canonicalTime);
  if (Number.isNaN(documentMs)) return false;
  if (typeof column === "string" && / \d\d:\d\d:\d\d(\.\d+)?\+00$/.test(column)) {
    const iso = canonicalTimeOf(column); // null when the column has sub-millisecond digits
    return iso !== null && Date.parse(iso) === documentMs;
  }
  const date = column instanceof Date ? column : new Date(column);
  return date.getTime() === documentMs;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("unparseable");
  }
}

/** Structural equality of parsed JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
