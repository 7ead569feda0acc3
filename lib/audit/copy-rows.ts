import "server-only";
import { StringDecoder } from "node:string_decoder";
import { dedicatedClient } from "@/db/client";
import type { ChainRow } from "./chain-verifier";

/**
 * Streams a seq range of the log as full rows through `COPY … TO STDOUT`: the cheapest way
 * to move millions of rows into Node (one text stream, no per-column decoding), with
 * backpressure, so memory stays flat. The text format is split here: fields by tab, rows
 * by newline, `\N` for null, and backslash escapes undone only where a field has one.
 */
const COLUMNS = `seq, prev_hash, hash, canonical, event_id, occurred_at, event_type, actor_user_id, actor_api_key_id, actor_ip, actor_user_agent, actor_session_id,
  resource_type, resource_id, action, outcome, metadata`;

/** Yields the rows of each network chunk together: a yield per row would cost more than the checks. */
export async function* copyRows(table: string, from: number, to: number): AsyncGenerator<ChainRow[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name ${table}`);
  const sql = dedicatedClient();
  try {
    // Timestamps in one known text form: "2026-11-26 17:50:25.765+00".
    await sql`SET TimeZone = 'UTC'`;
    await sql`SET DateStyle = 'ISO, YMD'`;
    const stream = await sql
      .unsafe(`COPY (SELECT ${COLUMNS} FROM ${table} t WHERE t.seq BETWEEN ${Number(from)} AND ${Number(to)} ORDER BY t.seq) TO STDOUT`)
      .readable();
    const decoder = new StringDecoder("utf8"); // a character may straddle two chunks
    let rest = "";
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk as Buffer);
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      yield lines.map(toRow);
    }
    if (rest) yield [toRow(rest)];
  } finally {
    // Also runs when the consumer stops early (a failure found): the COPY dies with its connection.
    await sql.end({ timeout: 1 });
  }
}

function toRow(line: string): ChainRow {
  const f = line.split("\t").map(field);
  return {
    seq: Number(f[0]),
    prevHash: f[1]!,
    hash: f[2]!,
    canonical: f[3]!,
    projection: {
      eventId: f[4]!,
      occurredAt: f[5]!,
      eventType: f[6]!,
      actorUserId: f[7] ?? null,
      actorApiKeyId: f[8] ?? null,
      actorIp: f[9] ?? null,
      actorUserAgent: f[10] ?? null,
      actorSessionId: f[11] ?? null,
      resourceType: f[12] ?? null,
      resourceId: f[13] ?? null,
      action: f[14]!,
      outcome: f[15]!,
      metadataText: f[16]!,
    },
  };
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

function field(raw: string): string | null {
  if (raw === "\\N") return null;
  return raw.includes("\\") ? raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : raw;
}
