import { createHash, createPrivateKey, randomUUID, sign } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { sqlClient } from "@/db/client";
import type { SignedCheckpoint } from "@/lib/audit/checkpoint-format";
import { buildAuditBundle } from "@/lib/audit/export";
import { openBundle } from "@/scripts/verifier/read-bundle.mjs";
import { verifyBundleDir as verifyBundleDirJs } from "@/scripts/verifier/verify-bundle.mjs";

// TypeScript infers `never[]` from the .mjs default `externalCheckpoints = []`.
const verifyBundleDir = verifyBundleDirJs as (
  dir: string,
  opts: { externalCheckpoints: SignedCheckpoint[] },
) => ReturnType<typeof verifyBundleDirJs>;

/**
 * Helpers for tamper tests: scratch copies of the audit log (tampered as the superuser the
 * tests connect as, so the live chain stays valid for every other file), evidence bundles
 * exported from them, and the standalone verifier run on those bundles.
 */
export type Verdict = { ok: boolean; failure: { kind: string; seq: number | null } | null; headSeq: number | null };

export const verdictOf = (r: { ok: boolean; failure: { kind: string; seq: number | null } | null; headSeq: number | null }): Verdict => ({
  ok: r.ok,
  failure: r.failure ? { kind: r.failure.kind, seq: r.failure.seq } : null,
  headSeq: r.headSeq,
});

export class ScratchLogs {
  private readonly tables: string[] = [];
  private readonly dirs: string[] = [];

  /**
   * A copy of the whole audit log, without its triggers. `plain`: every column a plain
   * column (the query columns can be edited; the in-app verifier checks them row by row in
   * Node). `generated`: the query columns generated from the canonical text, as in the
   * live table (the in-app verifier takes its in-database fast path).
   */
  async copy(kind: "plain" | "generated" = "plain"): Promise<string> {
    const name = `tamper_${randomUUID().replace(/-/g, "")}`;
    this.tables.push(name);
    if (kind === "plain") await sqlClient().unsafe(`CREATE TABLE ${name} AS SELECT * FROM audit_events`);
    else {
      await sqlClient().unsafe(`CREATE TABLE ${name} (LIKE audit_events INCLUDING GENERATED)`);
      await sqlClient().unsafe(
        `INSERT INTO ${name} (seq, canonical, prev_hash, hash) SELECT seq, canonical, prev_hash, hash FROM audit_events`,
      );
    }
    return name;
  }

  async tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "assay-tamper-test-"));
    this.dirs.push(dir);
    return dir;
  }

  /** The whole-log bundle of a copy, written to a .tar.gz file. */
  async exportBundle(table: string): Promise<string> {
    const bundle = await buildAuditBundle({ table });
    const file = path.join(await this.tempDir(), bundle.filename);
    await pipeline(Readable.fromWeb(bundle.stream as WebReadableStream<Uint8Array>), createWriteStream(file));
    return file;
  }

  async cleanup(): Promise<void> {
    for (const t of this.tables.splice(0)) await sqlClient().unsafe(`DROP TABLE IF EXISTS ${t}`);
    for (const d of this.dirs.splice(0)) await rm(d, { recursive: true, force: true });
  }
}

/** The standalone verifier (scripts/verifier), as `assay-verify` runs it. */
export async function verifyBundleFile(
  file: string,
  opts: { externalCheckpoints?: SignedCheckpoint[]; edit?: (dir: string) => Promise<void> } = {},
): Promise<Verdict> {
  const bundle = await openBundle(file);
  try {
    await opts.edit?.(bundle.dir);
    return verdictOf(await verifyBundleDir(bundle.dir, { externalCheckpoints: opts.externalCheckpoints ?? [] }));
  } finally {
    await bundle.cleanup();
  }
}

/**
 * Replaces one file of an extracted bundle and re-signs the manifest with the log's key:
 * what an operator who runs Assay (and so holds its key) can do to an export. Only a
 * checkpoint kept outside (signed before the rewrite) still tells.
 */
export function rewriteBundleFile(name: string, text: string) {
  return async (dir: string) => {
    const key = process.env.ASSAY_AUDIT_SIGNING_KEY;
    if (!key) throw new Error("no ASSAY_AUDIT_SIGNING_KEY: import @/test/signing-env first");
    await writeFile(path.join(dir, name), text);
    const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as {
      files: Record<string, { sha256: string; bytes: number }>;
    };
    manifest.files[name] = { sha256: createHash("sha256").update(text, "utf8").digest("hex"), bytes: Buffer.byteLength(text) };
    const manifestText = JSON.stringify(manifest, null, 2) + "\n";
    await writeFile(path.join(dir, "manifest.json"), manifestText);
    await writeFile(
      path.join(dir, "manifest.sig"),
      sign(null, Buffer.from(manifestText, "utf8"), createPrivateKey(key)).toString("base64") + "\n",
    );
  };
}

/** A copy of a checkpoint with one bit of its signature flipped. */
export function withFlippedSignatureBit(cp: SignedCheckpoint, bit = 0): SignedCheckpoint {
  const sig = Buffer.from(cp.signature, "base64");
  sig[Math.floor(bit / 8) % sig.length]! ^= 1 << (bit % 8);
  return { ...cp, signature: sig.toString("base64") };
}
