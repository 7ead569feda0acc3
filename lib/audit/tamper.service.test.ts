import "@/test/signing-env"; // first: sets the checkpoint key before lib/audit caches it
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, sqlClient } from "@/db/client";
import { openBundle } from "@/scripts/verifier/read-bundle.mjs";
import { rewriteBundleFile, ScratchLogs, withFlippedSignatureBit } from "@/test/bundle";
import {
  appendTamperFixture,
  bothVerdicts,
  expectBoth,
  oneByteEdit,
  rewriteForward,
  rowOf,
  writeEvent,
  type CopyKind,
  type TamperFixture,
} from "@/test/tamper";
import { listCheckpoints } from "./checkpoints";
import { chainHash } from "./hash";
import { verifyChain } from "./verify";

/**
 * The tamper suite of issue 3: every case runs through the in-app verifier (on a tampered
 * copy of the table) and the standalone one (on the whole-log bundle exported from that
 * copy), and both must name the same kind at the same seq. Tampering is done as the
 * superuser the tests connect as, on copies, so the live chain stays valid. Each case runs
 * on a plain copy (the in-app verifier checks every row in Node) and on a copy whose query
 * columns are generated like the live table's (it checks in PostgreSQL).
 */
const scratch = new ScratchLogs();
let f: TamperFixture;

beforeAll(async () => {
  f = await appendTamperFixture();
});
afterEach(() => scratch.cleanup());
afterAll(async () => {
  await scratch.cleanup();
  await closeDb();
});

const sql = () => sqlClient();

describe.each<[string, CopyKind]>([
  ["plain copy (in-app: rows checked in Node)", "plain"],
  ["copy with generated columns (in-app: checked in PostgreSQL)", "generated"],
])("tamper suite, %s: the in-app and the standalone verifier agree", (_label, kind) => {
  it("an untouched copy verifies in both, against every stored and external checkpoint", async () => {
    const t = await scratch.copy(kind);
    expect((await verifyChain({ table: t })).path).toBe(kind === "plain" ? "node" : "database");
    const { app, offline } = await bothVerdicts(scratch, t, { external: [f.cpMid, f.cpEnd] });
    expect(app).toMatchObject({ ok: true, failure: null });
    expect(app.headSeq).toBeGreaterThanOrEqual(f.cpEnd.size);
    expect(offline).toEqual(app);
  });

  it("one changed byte of one stored canonical text → CONTENT_HASH_MISMATCH at that seq", async () => {
    const t = await scratch.copy(kind);
    const before = (await rowOf(t, f.target)).canonical;
    const after = oneByteEdit(before);
    const [a, b] = [Buffer.from(before), Buffer.from(after)];
    expect(a.length).toBe(b.length);
    expect(a.filter((byte, i) => byte !== b[i]).length).toBe(1);
    await sql().unsafe(`UPDATE ${t} SET canonical = $1 WHERE seq = $2`, [after, f.target]);
    await expectBoth(scratch, t, { kind: "CONTENT_HASH_MISMATCH", seq: f.target });
  });

  it("the same edit with its hash recomputed and its columns made to match → LINK_BREAK at the next seq", async () => {
    const t = await scratch.copy(kind);
    const r = await rowOf(t, f.target);
    const canonical = oneByteEdit(r.canonical);
    await writeEvent(t, kind, f.target, { canonical, prevHash: r.prev_hash, hash: chainHash(f.target, r.prev_hash, canonical) });
    await expectBoth(scratch, t, { kind: "LINK_BREAK", seq: f.target + 1 });
  });

  it("the history rewritten forward with every hash recomputed: the chain alone passes, an earlier checkpoint → CHECKPOINT_MISMATCH", async () => {
    const t = await scratch.copy(kind);
    const from = f.first + 14; // inside the part the middle checkpoint covers
    await rewriteForward(t, kind, from);
    const alone = await bothVerdicts(scratch, t, { stored: false });
    expect(alone.app).toMatchObject({ ok: true, failure: null });
    expect(alone.offline).toEqual(alone.app);

    await expectBoth(scratch, t, { kind: "CHECKPOINT_MISMATCH", seq: f.cpMid.size }, { external: [f.cpMid], stored: false });
    // The stored checkpoints travel in the bundle: the first one inside the rewrite tells.
    const firstStored = Math.min(...(await listCheckpoints()).map((cp) => cp.size).filter((size) => size >= from));
    expect(firstStored).toBeLessThanOrEqual(f.cpMid.size);
    await expectBoth(scratch, t, { kind: "CHECKPOINT_MISMATCH", seq: firstStored });
  });

  it("the tail deleted below a signed checkpoint → TRUNCATED_BELOW_CHECKPOINT (stored in the bundle, or kept outside)", async () => {
    const t = await scratch.copy(kind);
    const cut = f.cpEnd.size - 4;
    await sql().unsafe(`DELETE FROM ${t} WHERE seq >= $1`, [cut]);
    await expectBoth(scratch, t, { kind: "TRUNCATED_BELOW_CHECKPOINT", seq: cut });
    await expectBoth(scratch, t, { kind: "TRUNCATED_BELOW_CHECKPOINT", seq: cut }, { external: [f.cpEnd], stored: false });
    // Without a checkpoint the shortened chain is indistinguishable from a shorter log.
    expect((await bothVerdicts(scratch, t, { stored: false })).app).toMatchObject({ ok: true, headSeq: cut - 1 });
  });

  it("a middle row deleted → GAP at its seq", async () => {
    const t = await scratch.copy(kind);
    await sql().unsafe(`DELETE FROM ${t} WHERE seq = $1`, [f.target]);
    await expectBoth(scratch, t, { kind: "GAP", seq: f.target });
  });

  it.each([
    ["outcome", "outcome = 'failure'"],
    ["actor_user_agent", "actor_user_agent = 'someone else'"],
    ["resource_id", "resource_id = 't-other'"],
    ["occurred_at (one microsecond)", "occurred_at = occurred_at + interval '1 microsecond'"],
    ["metadata", `metadata = metadata || '{"i": 99}'::jsonb`],
  ])("a query column edited (%s) → PROJECTION_MISMATCH at that seq (a generated column refuses the edit)", async (_column, assignment) => {
    const t = await scratch.copy(kind);
    const edit = sql().unsafe(`UPDATE ${t} SET ${assignment} WHERE seq = ${f.target}`);
    if (kind === "generated") return void (await expect(edit).rejects.toThrow(/can only be updated to DEFAULT/));
    await edit;
    await expectBoth(scratch, t, { kind: "PROJECTION_MISMATCH", seq: f.target });
  });

  it("a flipped bit in a checkpoint's signature → CHECKPOINT_SIGNATURE_INVALID at its size", async () => {
    const t = await scratch.copy(kind);
    await expectBoth(
      scratch,
      t,
      { kind: "CHECKPOINT_SIGNATURE_INVALID", seq: f.cpMid.size },
      { external: [withFlippedSignatureBit(f.cpMid, 77)] },
    );
    await expectBoth(
      scratch,
      t,
      { kind: "CHECKPOINT_SIGNATURE_INVALID", seq: f.cpMid.size },
      { external: [withFlippedSignatureBit(f.cpMid, 0)], stored: false },
    );
  });
});

it("the assay-verify command gives the same verdicts (exit 0 on the rewritten chain alone, 1 against the kept checkpoint)", async () => {
  const t = await scratch.copy();
  await rewriteForward(t, "plain", f.first + 14);
  const bundle = await openBundle(await scratch.exportBundle(t));
  try {
    await rewriteBundleFile("checkpoints.json", "[]\n")(bundle.dir);
    const kept = path.join(await scratch.tempDir(), "kept-checkpoint.json");
    await writeFile(kept, JSON.stringify(f.cpMid));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [path.resolve("scripts/assay-verify.mjs"), bundle.dir, ...args]).then(
        (out) => ({ code: 0, stdout: out.stdout }),
        (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
      );
    const alone = await run();
    expect(alone).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK \d+ events verified/) });
    const checked = await run("--checkpoint", kept, "--json");
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: false, failure: { kind: "CHECKPOINT_MISMATCH", seq: f.cpMid.size } });
    const text = await run("--checkpoint", kept);
    expect(text.code).toBe(1);
    expect(text.stdout.trim()).toBe(
      `FAIL CHECKPOINT_MISMATCH at sequence ${f.cpMid.size}: the external checkpoint at size ${f.cpMid.size} names a different hash: the history was rewritten`,
    );
  } finally {
    await bundle.cleanup();
  }
});

describe("a stored text the writer never produces, its hash recomputed: both verifiers judge its values alike", () => {
  // The head of the copy: recomputing its hash breaks no link, so only the text's form is at
  // stake. Both verifiers hash the text as stored and compare what it says with the columns.
  it.each<[string, CopyKind, (canonical: string) => string]>([
    [
      "metadata members out of RFC 8785 order",
      "plain",
      (c) => c.replace(/"metadata":\{"after":(\{[^}]*\}),"before":(\{[^}]*\})/, '"metadata":{"before":$2,"after":$1'),
    ],
    [
      "metadata members out of RFC 8785 order",
      "generated",
      (c) => c.replace(/"metadata":\{"after":(\{[^}]*\}),"before":(\{[^}]*\})/, '"metadata":{"before":$2,"after":$1'),
    ],
    ["a time without milliseconds", "plain", (c) => c.replace(/"time":"([^".]*)\.\d{3}Z"/, '"time":"$1Z"')],
    ["a time without milliseconds", "generated", (c) => c.replace(/"time":"([^".]*)\.\d{3}Z"/, '"time":"$1Z"')],
  ])("%s (%s copy) gets the same verdict from both", async (_what, kind, edit) => {
    const t = await scratch.copy(kind);
    const head = f.cpEnd.size;
    const r = await rowOf(t, head);
    const canonical = edit(r.canonical);
    expect(canonical).not.toBe(r.canonical);
    await writeEvent(t, kind, head, { canonical, prevHash: r.prev_hash, hash: chainHash(head, r.prev_hash, canonical) });
    const { app, offline } = await bothVerdicts(scratch, t, { stored: false });
    expect(offline).toEqual(app);
  });
});
