import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, sqlClient } from "@/db/client";
import { appendAuditEvents, recordAudit } from "./append";
import { ChainVerifier } from "./chain-verifier";
import { verifyChain } from "./verify";
import type { AuditActor } from "@/lib/context";

/**
 * Tampering as the superuser the tests connect as. Each tamper runs on a scratch COPY of
 * the log (CREATE TABLE AS copies rows, not triggers or indexes), so the live chain stays
 * valid for every other test; verifyChain's `table` option verifies the copy with the same
 * code. Stored checkpoints describe the live table: they are left out for copies.
 */
const actor: AuditActor = { userId: null, apiKeyId: null, ip: "192.0.2.55", userAgent: "verify.service.test", sessionId: null };
const scratch: string[] = [];
let target = 0; // a seq in the middle of events this file appended

beforeAll(async () => {
  const appended = await db.transaction((tx) =>
    appendAuditEvents(
      tx,
      actor,
      Array.from({ length: 9 }, (_, i) => ({
        type: "data_access" as const,
        action: "test.verify",
        outcome: "success" as const,
        resource: { type: "test", id: `v-${i}` },
        metadata: { i, note: "ünïcödé" },
      })),
    ),
  );
  target = appended[4]!.seq;
});

afterEach(async () => {
  for (const t of scratch.splice(0)) await sqlClient().unsafe(`DROP TABLE IF EXISTS ${t}`);
});
afterAll(closeDb);

async function copyOfLog(): Promise<string> {
  const name = `tamper_${randomUUID().replace(/-/g, "")}`;
  scratch.push(name);
  await sqlClient().unsafe(`CREATE TABLE ${name} AS SELECT * FROM audit_events`);
  return name;
}

/** Verifies the whole copy, or (`window`) only a range just before the target, from a mid-chain anchor. */
const verifyCopy = (table: string, window = false) =>
  verifyChain({ table, storedCheckpoints: false, fromSeq: window ? Math.max(1, target - 20) : undefined });

describe("verifyChain on a tampered copy", () => {
  it("accepts an untouched copy (so every failure below is caused by the tamper)", async () => {
    const t = await copyOfLog();
    expect(await verifyCopy(t)).toMatchObject({ ok: true, failure: null });
    expect(await verifyCopy(t, true)).toMatchObject({ ok: true, failure: null });
  });

  it.each([
    ["whole log", false],
    ["range", true],
  ])("one changed byte of one canonical text → CONTENT_HASH_MISMATCH at that seq (%s)", async (_how, window) => {
    const t = await copyOfLog();
    // é (C3 A9) → ë (C3 AB): one byte. The jsonb column is rewritten to match, so every query
    // column still agrees with the text and only the hash can tell.
    await sqlClient().unsafe(`
      UPDATE ${t} SET canonical = replace(canonical, 'ünïcödé', 'ünïcödë'), metadata = jsonb_set(metadata, '{note}', '"ünïcödë"')
       WHERE seq = ${target}`);
    const [row] = await sqlClient().unsafe(
      `SELECT octet_length(canonical) - (SELECT octet_length(canonical) FROM audit_events WHERE seq = ${target}) AS d FROM ${t} WHERE seq = ${target}`,
    );
    expect(Number(row!.d)).toBe(0);
    expect((await verifyCopy(t, window)).failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: target });
  });

  it("a changed canonical text whose columns no longer match is caught too", async () => {
    const t = await copyOfLog();
    await sqlClient().unsafe(
      `UPDATE ${t} SET canonical = replace(canonical, '"action":"test.verify"', '"action":"test.verifx"') WHERE seq = ${target}`,
    );
    expect((await verifyCopy(t)).failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: target });
  });

  it("a canonical text that is no longer JSON is still pinpointed", async () => {
    const t = await copyOfLog();
    await sqlClient().unsafe(`UPDATE ${t} SET canonical = left(canonical, -1) WHERE seq = ${target}`);
    expect((await verifyCopy(t)).failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: target });
  });

  it.each([
    ["actor_ip", "actor_ip = '198.51.100.66'"],
    ["outcome", "outcome = 'failure'"],
    ["occurred_at", "occurred_at = occurred_at + interval '1 second'"],
    ["metadata", `metadata = metadata || '{"i": 99}'::jsonb`],
  ])("a changed query column (%s) → PROJECTION_MISMATCH at that seq", async (_column, assignment) => {
    const t = await copyOfLog();
    await sqlClient().unsafe(`UPDATE ${t} SET ${assignment} WHERE seq = ${target}`);
    expect((await verifyCopy(t)).failure).toMatchObject({ kind: "PROJECTION_MISMATCH", seq: target });
  });

  it("a deleted middle row → GAP at its seq", async () => {
    const t = await copyOfLog();
    await sqlClient().unsafe(`DELETE FROM ${t} WHERE seq = ${target}`);
    expect((await verifyCopy(t)).failure).toMatchObject({ kind: "GAP", seq: target });
    expect((await verifyCopy(t, true)).failure).toMatchObject({ kind: "GAP", seq: target });
  });

  it("a row re-linked to another predecessor, with its own hash recomputed → LINK_BREAK at that seq", async () => {
    const t = await copyOfLog();
    await sqlClient().unsafe(`
      UPDATE ${t} SET prev_hash = repeat('a', 64),
             hash = encode(sha256(convert_to('assay.audit.v1' || E'\\n' || seq::text || E'\\n' || repeat('a', 64) || E'\\n' || canonical, 'UTF8')), 'hex')
       WHERE seq = ${target}`);
    expect((await verifyCopy(t)).failure).toMatchObject({ kind: "LINK_BREAK", seq: target });
  });
});

describe("tampering with the live table", () => {
  it("a superuser can bypass the triggers, and the chain exposes it (rolled back, never committed)", async () => {
    const ROLLBACK = new Error("rollback");
    let failure: unknown = "not reached";
    await sqlClient()
      .begin(async (tx) => {
        await tx.unsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
        await tx.unsafe(`UPDATE audit_events SET canonical = replace(canonical, 'test.verify', 'test.verifx') WHERE seq = ${target}`);
        const [prev] = await tx<{ hash: string }[]>`SELECT hash FROM audit_events WHERE seq = ${target - 1}`;
        const rows = await tx<
          { seq: string; prev_hash: string; hash: string; canonical: string }[]
        >`SELECT seq, prev_hash, hash, canonical FROM audit_events WHERE seq >= ${target} AND seq < ${target + 3} ORDER BY seq`;
        const v = new ChainVerifier({ seq: target, prevHash: prev!.hash });
        failure =
          rows.map((r) => v.push({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, canonical: r.canonical })).find(Boolean) ??
          null;
        throw ROLLBACK; // the ALTER TABLE and the UPDATE go away together
      })
      .catch((err) => {
        if (err !== ROLLBACK) throw err;
      });
    expect(failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: target });
    const [trigger] = await sqlClient()<
      { enabled: string }[]
    >`SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'audit_events_refuse_update_delete'`;
    expect(trigger!.enabled).toBe("O"); // the triggers are back on
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  it("verifying the live chain while other writers append reports no false failure", async () => {
    let stop = false;
    let appended = 0;
    const writer = (async () => {
      while (!stop) {
        await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.concurrent_verify", outcome: "success" }));
        appended += 1;
      }
    })();
    const verdicts = [];
    try {
      for (let i = 0; i < 8; i += 1) verdicts.push(await verifyChain());
    } finally {
      stop = true;
      await writer;
    }
    expect(appended).toBeGreaterThan(0);
    for (const v of verdicts) expect(v.failure).toBeNull();
  });
});
