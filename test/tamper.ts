import { expect } from "vitest";
import { db, sqlClient } from "@/db/client";
import { recordAudit } from "@/lib/audit/append";
import { canonicalJson } from "@/lib/audit/canonical";
import type { SignedCheckpoint } from "@/lib/audit/checkpoint-format";
import { checkpointHead } from "@/lib/audit/checkpoints";
import { chainHash } from "@/lib/audit/hash";
import { verifyChain } from "@/lib/audit/verify";
import { rewriteBundleFile, type ScratchLogs, verdictOf, verifyBundleFile, type Verdict } from "./bundle";
import { chainedEvent } from "./db";

/** The tamper suite's fixture and moves (lib/audit/tamper.service.test.ts). Import @/test/signing-env first. */
export type CopyKind = "plain" | "generated";

export type TamperFixture = { first: number; target: number; cpMid: SignedCheckpoint; cpEnd: SignedCheckpoint };

/** 40 events through the one writer, a checkpoint after the 20th and one after the 40th. */
export async function appendTamperFixture(): Promise<TamperFixture> {
  const actor = { userId: null, apiKeyId: null, ip: "192.0.2.77", userAgent: "tamper.service.test", sessionId: null };
  let first = 0;
  let cpMid: SignedCheckpoint | null = null;
  for (let i = 0; i < 40; i += 1) {
    const e = await db.transaction((tx) =>
      recordAudit(tx, actor, {
        type: "data_modification",
        action: "test.tampered",
        outcome: "success",
        resource: { type: "test", id: `t-${i}` },
        metadata: { i, note: "tamper-a", before: { n: i }, after: { n: i + 1 } },
      }),
    );
    if (i === 0) first = (await chainedEvent(e)).seq;
    if (i === 19) cpMid = await db.transaction((tx) => checkpointHead(tx));
  }
  const cpEnd = await db.transaction((tx) => checkpointHead(tx));
  if (!cpMid || !cpEnd) throw new Error("no checkpoint signed: is the signing key set?");
  return { first, target: first + 9, cpMid, cpEnd };
}

export type BothOptions = { external?: SignedCheckpoint[]; stored?: boolean };

/** The in-app verifier on a copy, and the standalone one on the whole-log bundle of that copy. */
export async function bothVerdicts(scratch: ScratchLogs, table: string, { external = [], stored = true }: BothOptions = {}) {
  const app: Verdict = verdictOf(await verifyChain({ table, externalCheckpoints: external, storedCheckpoints: stored }));
  const file = await scratch.exportBundle(table);
  // Without stored checkpoints: the operator also emptied checkpoints.json (and, holding the key, re-signed the manifest).
  const offline = await verifyBundleFile(file, {
    externalCheckpoints: external,
    edit: stored ? undefined : rewriteBundleFile("checkpoints.json", "[]\n"),
  });
  return { app, offline };
}

/** Both verifiers name `failure` (the same kind at the same seq) and stop at the same head. */
export async function expectBoth(scratch: ScratchLogs, table: string, failure: { kind: string; seq: number } | null, opts?: BothOptions) {
  const { app, offline } = await bothVerdicts(scratch, table, opts);
  expect(app.failure).toEqual(failure);
  expect(offline).toEqual(app);
}

export async function rowOf(table: string, seq: number) {
  const [r] = await sqlClient().unsafe<{ canonical: string; prev_hash: string; hash: string }[]>(
    `SELECT canonical, prev_hash, hash FROM ${table} WHERE seq = $1`,
    [seq],
  );
  if (!r) throw new Error(`no event ${seq} in ${table}`);
  return r;
}

/** 'a' → 'b' in the note: exactly one byte of the stored text. */
export const oneByteEdit = (canonical: string) => canonical.replace('"note":"tamper-a"', '"note":"tamper-b"');

/**
 * A careful attacker's edit: new text, hash and link, and (in a plain copy) the metadata
 * column made to match; a generated copy regenerates its columns by itself.
 */
export async function writeEvent(table: string, kind: CopyKind, seq: number, e: { canonical: string; prevHash: string; hash: string }) {
  const metadata = JSON.stringify((JSON.parse(e.canonical) as { metadata?: unknown }).metadata ?? {});
  const params = [e.canonical, e.prevHash, e.hash, seq];
  if (kind === "generated")
    await sqlClient().unsafe(`UPDATE ${table} SET canonical = $1, prev_hash = $2, hash = $3 WHERE seq = $4`, params);
  else
    await sqlClient().unsafe(`UPDATE ${table} SET canonical = $1, prev_hash = $2, hash = $3, metadata = $5::text::jsonb WHERE seq = $4`, [
      ...params,
      metadata,
    ]);
}

/** Rewrites every event from `from` on (its note), recomputing every hash and link after it. */
export async function rewriteForward(table: string, kind: CopyKind, from: number) {
  const rows = await sqlClient().unsafe<{ seq: string; canonical: string }[]>(
    `SELECT seq::text, canonical FROM ${table} WHERE seq >= $1 ORDER BY seq`,
    [from],
  );
  let prevHash = (await rowOf(table, from - 1)).hash;
  for (const r of rows) {
    const seq = Number(r.seq);
    const doc = JSON.parse(r.canonical) as { metadata: Record<string, unknown> };
    doc.metadata = { ...doc.metadata, note: "rewritten" };
    const canonical = canonicalJson(doc);
    const hash = chainHash(seq, prevHash, canonical);
    await writeEvent(table, kind, seq, { canonical, prevHash, hash });
    prevHash = hash;
  }
}
