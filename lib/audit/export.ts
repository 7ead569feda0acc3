import "server-only";
import { createHash, sign } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import tar from "tar-stream";
import { sqlClient } from "@/db/client";
import { listCheckpoints } from "./checkpoints";
import { GENESIS_HASH } from "./hash";
import { checkpointOrigin, signingKeys } from "./signing-key";

/**
 * The evidence bundle an auditor takes away (format in docs/audit-log-format.md): a gzipped
 * tar of events.jsonl, checkpoints.json, public-key.pem, manifest.json (SHA-256 of each
 * file) and manifest.sig (Ed25519 over manifest.json). events.jsonl is spooled to a temp
 * file first because a tar header needs the size; memory stays flat at any log size.
 */
export const BUNDLE_FORMAT = "assay-audit-bundle/v1";

export type ExportRange = {
  from?: Date;
  to?: Date;
  /** Export a copy of the log instead of the live table (investigations, tests). */
  table?: string;
};

export type BundleSummary = { fromSeq: number; toSeq: number; events: number; bytes: number };

export async function buildAuditBundle(
  range: ExportRange,
): Promise<{ stream: ReadableStream<Uint8Array>; summary: BundleSummary; filename: string }> {
  const keys = signingKeys();
  if (!keys) throw new Error("the audit signing key is not configured (ASSAY_AUDIT_SIGNING_KEY)");
  const sql = sqlClient();
  const table = sql(range.table ?? "audit_events");
  const wholeLog = !range.from && !range.to;
  const [bounds] = await sql<{ min: string | null; max: string | null }[]>`
    SELECT min(seq)::text AS min, max(seq)::text AS max FROM ${table}
     WHERE (${range.from ?? null}::timestamptz IS NULL OR occurred_at >= ${range.from ?? null}::timestamptz)
       AND (${range.to ?? null}::timestamptz IS NULL OR occurred_at < ${range.to ?? null}::timestamptz)`;
  const fromSeq = Number(bounds?.min ?? 1);
  const toSeq = Number(bounds?.max ?? 0);

  const dir = await mkdtemp(path.join(tmpdir(), "assay-bundle-"));
  const eventsPath = path.join(dir, "events.jsonl");
  const eventsHash = createHash("sha256");
  let startPrevHash = GENESIS_HASH;
  let count = 0;
  // The seq range between the first and last event of the time range, contiguous: a
  // verifier needs every link, even of an event recorded a millisecond out of order.
  async function* lines() {
    // The query columns travel too, exactly as stored, so that the offline verifier can
    // check them against the canonical text like the in-app one does.
    const cursor = sql<{ seq: string; prev_hash: string; hash: string; canonical: string; columns: string }[]>`
      SELECT seq::text, prev_hash, hash, canonical,
             json_build_object(
               'event_id', event_id,
               'occurred_at', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'event_type', event_type, 'actor_user_id', actor_user_id, 'actor_api_key_id', actor_api_key_id,
               'actor_ip', actor_ip, 'actor_user_agent', actor_user_agent, 'actor_session_id', actor_session_id,
               'resource_type', resource_type, 'resource_id', resource_id, 'action', action, 'outcome', outcome,
               'metadata', metadata)::text AS columns
        FROM ${table} e
       WHERE e.seq BETWEEN ${fromSeq} AND ${toSeq}
       ORDER BY e.seq -- qualified: a bare name would sort by the output column seq::text`.cursor(5000);
    for await (const rows of cursor) {
      let chunk = "";
      for (const r of rows) {
        if (count === 0) startPrevHash = r.prev_hash;
        count += 1;
        chunk += `{"seq":${Number(r.seq)},"prev_hash":${JSON.stringify(r.prev_hash)},"hash":${JSON.stringify(r.hash)},"canonical":${JSON.stringify(r.canonical)},"columns":${r.columns}}\n`;
      }
      eventsHash.update(chunk, "utf8");
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(lines()), createWriteStream(eventsPath));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const eventsBytes = (await stat(eventsPath)).size;

  // The whole log carries every checkpoint: one beyond its last event is the evidence of a
  // cut-off tail. A time range carries those inside it; later ones are simply out of range.
  const checkpoints = (await listCheckpoints()).filter((cp) => wholeLog || (cp.size >= fromSeq && cp.size <= toSeq)).reverse();
  const small: Record<string, string> = {
    "checkpoints.json": JSON.stringify(checkpoints, null, 2) + "\n",
    "public-key.pem": keys.publicPem,
    "README.txt": README,
  };
  const manifest = {
    format: BUNDLE_FORMAT,
    origin: checkpointOrigin(),
    createdAt: new Date().toISOString(),
    range: {
      whole: wholeLog,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      fromSeq: count ? fromSeq : null,
      toSeq: count ? toSeq : null,
    },
    events: count,
    startPrevHash,
    files: {
      "events.jsonl": { sha256: eventsHash.digest("hex"), bytes: eventsBytes },
      ...Object.fromEntries(Object.entries(small).map(([name, text]) => [name, { sha256: sha256(text), bytes: Buffer.byteLength(text) }])),
    },
  };
  const manifestText = JSON.stringify(manifest, null, 2) + "\n";
  const manifestSig = sign(null, Buffer.from(manifestText, "utf8"), keys.privateKey).toString("base64") + "\n";

  const pack = tar.pack();
  const root = `assay-audit-${manifest.createdAt.slice(0, 10)}`;
  (async () => {
    try {
      for (const [name, text] of [["manifest.json", manifestText], ["manifest.sig", manifestSig], ...Object.entries(small)] as const) {
        pack.entry({ name: `${root}/${name}`, mode: 0o644 }, text);
      }
      const entry = pack.entry({ name: `${root}/events.jsonl`, size: eventsBytes, mode: 0o644 });
      await pipeline(createReadStream(eventsPath), entry);
      pack.finalize();
    } catch (err) {
      pack.destroy(err as Error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  const gz = createGzip();
  // pipeline, not pack.pipe(gz): a client that abandons the download cancels the web stream,
  // which destroys gz; tar-stream's pack (a streamx stream) then errors with nobody listening,
  // an uncaught exception in the server. pipeline listens on both and tears both down.
  pipeline(pack, gz).catch((err: Error) => {
    if (err.name !== "AbortError") console.error("[assay] audit bundle stream failed", err);
  });
  return {
    stream: Readable.toWeb(gz) as ReadableStream<Uint8Array>,
    summary: { fromSeq, toSeq, events: count, bytes: eventsBytes },
    filename: `${root}.tar.gz`,
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const README = `Assay audit log evidence bundle (${BUNDLE_FORMAT})

Files
  manifest.json     what this bundle holds, with the SHA-256 and size of every other file
  manifest.sig      Ed25519 signature (base64) over manifest.json, by the key in public-key.pem
  events.jsonl      one event per line: {"seq","prev_hash","hash","canonical","columns"}
  checkpoints.json  signed checkpoints (origin, size, headHash, time, keyId, signature)
  public-key.pem    the log's Ed25519 public key (check its fingerprint out of band)

Verify without a database, with Node.js:
  npx assay-verify <this file>            (inside an Assay checkout)
  node scripts/assay-verify.mjs <this file> [--checkpoint earlier-checkpoint.json]

The exact formats are documented in docs/audit-log-format.md, so any language with
SHA-256, Ed25519 and an RFC 8785 library can re-verify.
`;
