// The offline verifier: checks an evidence bundle exactly as docs/audit-log-format.md
// describes, independently of the code that wrote it (it shares nothing with lib/audit).
import { createHash, createPublicKey, verify } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import canonicalize from "canonicalize";

const GENESIS = "0".repeat(64);
const FORMAT = "assay-audit-bundle/v1";

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const fail = (kind, seq, detail) => ({ kind, seq, detail });

export async function verifyBundleDir(dir, { externalCheckpoints = [], onProgress } = {}) {
  const read = (name) => fs.readFile(path.join(dir, name));
  const manifestBytes = await read("manifest.json");
  const manifest = JSON.parse(manifestBytes.toString("utf8"));
  if (manifest.format !== FORMAT) throw new Error(`not an ${FORMAT} bundle (format ${manifest.format})`);
  const publicKey = createPublicKey(await read("public-key.pem"));
  const keyId = sha256(publicKey.export({ type: "spki", format: "der" })).slice(0, 16);
  const base = { events: 0, headSeq: null, headHash: null, lastCheckpoint: null, keyId, origin: manifest.origin };

  // The manifest: signed by the log's key, and naming the hash of every file.
  const signature = Buffer.from((await read("manifest.sig")).toString("utf8").trim(), "base64");
  if (!verify(null, manifestBytes, publicKey, signature))
    return { ...base, ok: false, failure: fail("MANIFEST_SIGNATURE_INVALID", null, "manifest.sig does not verify with public-key.pem") };
  for (const [name, expected] of Object.entries(manifest.files)) {
    const actual = name === "events.jsonl" ? await fileHash(path.join(dir, name)) : sha256(await read(name));
    if (actual !== expected.sha256)
      return { ...base, ok: false, failure: fail("FILE_HASH_MISMATCH", null, `${name} does not match the manifest`) };
  }

  const stored = JSON.parse((await read("checkpoints.json")).toString("utf8"));
  const claims = new Map();
  const fromSeq = manifest.range.fromSeq ?? 1;
  for (const [cp, source] of [...stored.map((c) => [c, "stored"]), ...externalCheckpoints.map((c) => [c, "external"])]) {
    if (cp.size < fromSeq) continue;
    const valid = cp.keyId === keyId && checkpointValid(cp, publicKey);
    claims.set(cp.size, [...(claims.get(cp.size) ?? []), { ...cp, source, valid }]);
  }

  let expectedSeq = fromSeq;
  let expectedPrev = fromSeq === 1 ? GENESIS : manifest.startPrevHash;
  let lastCheckpoint = null;
  const lines = readline.createInterface({ input: createReadStream(path.join(dir, "events.jsonl"), "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.seq !== expectedSeq) return done(fail("GAP", expectedSeq, `expected sequence ${expectedSeq}, found ${e.seq}`));
    if (e.prev_hash !== expectedPrev) return done(fail("LINK_BREAK", e.seq, "previous hash does not match the hash of the event before"));
    if (sha256(Buffer.from(`assay.audit.v1\n${e.seq}\n${e.prev_hash}\n${e.canonical}`, "utf8")) !== e.hash) {
      return done(fail("CONTENT_HASH_MISMATCH", e.seq, "stored canonical text does not hash to the stored hash"));
    }
    const column = projectionMismatch(e.canonical, e.columns);
    if (column) return done(fail("PROJECTION_MISMATCH", e.seq, `column ${column} disagrees with the canonical text`));
    for (const cp of claims.get(e.seq) ?? []) {
      if (!cp.valid)
        return done(
          fail("CHECKPOINT_SIGNATURE_INVALID", e.seq, `the signature of the ${cp.source} checkpoint at size ${cp.size} does not verify`),
        );
      if (cp.headHash !== e.hash)
        return done(
          fail(
            "CHECKPOINT_MISMATCH",
            e.seq,
            `the ${cp.source} checkpoint at size ${cp.size} names a different hash: the history was rewritten`,
          ),
        );
      lastCheckpoint = { size: cp.size, source: cp.source };
    }
    expectedSeq += 1;
    expectedPrev = e.hash;
    if (onProgress && expectedSeq % 100_000 === 0) onProgress(expectedSeq - fromSeq);
  }
  const headSeq = expectedSeq - 1;
  for (const size of [...claims.keys()].filter((s) => s > headSeq).sort((a, b) => a - b)) {
    const bad = claims.get(size).find((cp) => !cp.valid);
    if (bad)
      return done(
        fail("CHECKPOINT_SIGNATURE_INVALID", size, `the signature of the ${bad.source} checkpoint at size ${size} does not verify`),
      );
    // In a time-range export, later stored checkpoints are simply outside the range; in a
    // whole-log export (and for a checkpoint the auditor brought) the log must reach them.
    if (manifest.range.whole || claims.get(size).some((cp) => cp.source === "external")) {
      return done(
        fail("TRUNCATED_BELOW_CHECKPOINT", headSeq + 1, `a signed checkpoint says the log had ${size} events; it ends at ${headSeq}`),
      );
    }
  }
  if (manifest.events !== headSeq - fromSeq + 1)
    return done(fail("GAP", headSeq + 1, `the manifest lists ${manifest.events} events, the file has ${headSeq - fromSeq + 1}`));
  return done(null);

  function done(failure) {
    return {
      ...base,
      ok: failure === null,
      failure,
      events: expectedSeq - fromSeq,
      fromSeq,
      headSeq: expectedSeq - 1,
      headHash: expectedPrev,
      lastCheckpoint,
    };
  }
}

function checkpointValid(cp, publicKey) {
  const body = canonicalize({ v: 1, origin: cp.origin, size: cp.size, hash: cp.headHash, time: cp.time });
  try {
    return verify(null, Buffer.from(`assay.audit.checkpoint.v1\n${body}`, "utf8"), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

/** The first query column that disagrees with the canonical document, or null. */
function projectionMismatch(canonical, columns) {
  let doc;
  try {
    doc = JSON.parse(canonical);
  } catch {
    return "canonical";
  }
  const a = doc.actor ?? {};
  const r = doc.resource ?? {};
  const pairs = [
    ["event_id", doc.id, columns.event_id],
    ["occurred_at", true, sameInstant(doc.time, columns.occurred_at)],
    ["event_type", doc.type, columns.event_type],
    ["actor_user_id", a.userId ?? null, columns.actor_user_id],
    ["actor_api_key_id", a.apiKeyId ?? null, columns.actor_api_key_id],
    ["actor_ip", a.ip ?? null, columns.actor_ip],
    ["actor_user_agent", a.userAgent ?? null, columns.actor_user_agent],
    ["actor_session_id", a.sessionId ?? null, columns.actor_session_id],
    ["resource_type", r.type ?? null, columns.resource_type],
    ["resource_id", r.id ?? null, columns.resource_id],
    ["action", doc.action, columns.action],
    ["outcome", doc.outcome, columns.outcome],
  ];
  for (const [name, expected, actual] of pairs) if (expected !== actual) return name;
  if (canonicalize(doc.metadata ?? {}) !== canonicalize(columns.metadata ?? {})) return "metadata";
  return null;
}

/**
 * The document's time and the column (`YYYY-MM-DDTHH:MM:SS.ffffffZ`) name the same instant,
 * to the microsecond. Values, not spellings, as the in-app verifier judges them.
 */
function sameInstant(documentTime, column) {
  const m = typeof column === "string" ? /^(.*)\.(\d{3})(\d{3})Z$/.exec(column) : null;
  if (typeof documentTime !== "string" || !m || m[3] !== "000") return false;
  const ms = Date.parse(documentTime);
  return !Number.isNaN(ms) && Date.parse(`${m[1]}.${m[2]}Z`) === ms;
}

async function fileHash(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
