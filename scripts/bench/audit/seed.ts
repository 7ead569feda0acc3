import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "postgres";
import { buildCanonicalEvent } from "@/lib/audit/canonical";
import { chainHash, GENESIS_HASH } from "@/lib/audit/hash";
import { type AuditActor } from "@/lib/context";
import { EVENT_TYPES, OUTCOMES } from "@/lib/audit/vocabulary";

/**
 * Writes a valid chain of n events straight into audit_events with COPY: built by the
 * documented formula (the same canonical builder and hash as the writer), a year of
 * history in time order. Seeding millions through the writer would take the whole run.
 */
export const ACTORS = Array.from({ length: 200 }, () => randomUUID());
export const RESOURCES = Array.from({ length: 2000 }, (_, i) => `model-${i}`);

export function benchEvent(i: number) {
  const actor: AuditActor = {
    userId: ACTORS[i % ACTORS.length]!,
    apiKeyId: null,
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    userAgent: "assay-bench/1.0",
    sessionId: null,
  };
  return {
    actor,
    input: {
      type: EVENT_TYPES[(i * 7) % EVENT_TYPES.length]!,
      action: `bench.action_${i % 40}`,
      outcome: OUTCOMES[i % 11 === 0 ? 1 : i % 29 === 0 ? 2 : 0]!,
      resource: { type: i % 3 === 0 ? "dataset" : "model", id: RESOURCES[(i * 13) % RESOURCES.length]! },
      metadata: { latencyMs: i % 97, tokens: 512 + (i % 64), version: `1.${i % 9}.${i % 5}` },
    },
  };
}

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");

export async function seedChain(sql: Sql, n: number, onProgress?: (done: number) => void) {
  const yearMs = 365 * 24 * 3600 * 1000;
  const start = Date.now() - yearMs;
  let prev = GENESIS_HASH;
  async function* lines() {
    let chunk = "";
    for (let seq = 1; seq <= n; seq++) {
      const { actor, input } = benchEvent(seq);
      const { text } = buildCanonicalEvent(actor, input, new Date(start + Math.floor((seq / n) * yearMs)));
      const hash = chainHash(seq, prev, text);
      // Only the stored columns: PostgreSQL generates the query columns from the text.
      chunk += [String(seq), esc(text), prev, hash].join("\t") + "\n";
      prev = hash;
      if (seq % 5000 === 0) {
        yield chunk;
        chunk = "";
        if (seq % 100_000 === 0) onProgress?.(seq);
      }
    }
    if (chunk) yield chunk;
  }
  const copy = await sql`COPY audit_events (seq, canonical, prev_hash, hash) FROM STDIN`.writable();
  await pipeline(Readable.from(lines()), copy);
  await sql`UPDATE audit_chain_head SET seq = ${n}, prev_hash = (SELECT prev_hash FROM audit_events WHERE seq = ${n}), hash = ${prev} WHERE id = 1`;
  await sql`ANALYZE audit_events`;
}
