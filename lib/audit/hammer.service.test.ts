import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, sqlClient } from "@/db/client";
import { runHammer, type WorkerResult } from "@/test/hammer";
import { buildCanonicalEvent } from "./canonical";
import { chainHash } from "./hash";
import { verifyChain } from "./verify";

/**
 * DESIGN.md invariant 2: any number of writers, in any number of processes, append one
 * chain that never forks. The writers are real OS processes with their own pools, so the
 * only thing serializing them is PostgreSQL (the chain-head row lock), as in production.
 * The negative control runs the same hammer through an appender without that lock.
 */
const PROCESSES = 2;
const WRITERS_PER_PROCESS = 10;
const EVENTS = 100;
const WRITERS = PROCESSES * WRITERS_PER_PROCESS;
const SCRATCH = "naive_events";

afterAll(async () => {
  await sqlClient().unsafe(`DROP TABLE IF EXISTS ${SCRATCH}`);
  await closeDb();
});

async function scalar(query: string): Promise<number> {
  const [row] = await sqlClient().unsafe(query);
  return Number(Object.values(row!)[0]);
}

function sum(results: WorkerResult[], field: "appended" | "uniqueViolations"): number {
  return results.reduce((n, r) => n + r[field], 0);
}

/** How often consecutive events came from a different writer / process: proof that they raced. */
async function interleaving(tag: string): Promise<{ writerSwitches: number; processSwitches: number }> {
  const rows = await sqlClient()<{ ua: string }[]>`SELECT actor_user_agent AS ua FROM audit_events WHERE resource_id = ${tag} ORDER BY seq`;
  let writerSwitches = 0;
  let processSwitches = 0;
  for (let i = 1; i < rows.length; i += 1) {
    const [, pidA] = rows[i - 1]!.ua.split("/");
    const [, pidB] = rows[i]!.ua.split("/");
    if (rows[i - 1]!.ua !== rows[i]!.ua) writerSwitches += 1;
    if (pidA !== pidB) processSwitches += 1;
  }
  return { writerSwitches, processSwitches };
}

describe(`audit chain under ${WRITERS} concurrent writers in ${PROCESSES} processes`, () => {
  it(`appends ${WRITERS}×${EVENTS} events without a gap or a fork, and the chain verifies`, async () => {
    const tag = `hammer-${randomUUID()}`;
    const before = await scalar("SELECT count(*) FROM audit_events");

    const results = await runHammer({
      mode: "real",
      processes: PROCESSES,
      writersPerProcess: WRITERS_PER_PROCESS,
      events: EVENTS,
      table: "audit_events",
      tag,
    });

    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.pid)).size).toBe(PROCESSES);
    expect(sum(results, "appended")).toBe(WRITERS * EVENTS);
    expect(await scalar(`SELECT count(*) FROM audit_events WHERE resource_id = '${tag}'`)).toBe(WRITERS * EVENTS);
    // Service files run one at a time (vitest.config.ts), so nobody else wrote meanwhile.
    expect(await scalar("SELECT count(*) FROM audit_events")).toBe(before + WRITERS * EVENTS);

    const total = await scalar("SELECT count(*) FROM audit_events");
    expect(await scalar("SELECT min(seq) FROM audit_events")).toBe(1);
    expect(await scalar("SELECT max(seq) FROM audit_events")).toBe(total); // 1..n, no gap
    expect(await scalar("SELECT count(DISTINCT prev_hash) FROM audit_events")).toBe(total); // no fork

    // Not vacuous: the writers really raced, across processes, rather than running in turn.
    const { writerSwitches, processSwitches } = await interleaving(tag);
    expect(writerSwitches).toBeGreaterThan(WRITERS * EVENTS * 0.3);
    expect(processSwitches).toBeGreaterThan(20);

    const verdict = await verifyChain();
    expect(verdict).toMatchObject({ ok: true, checked: total, headSeq: total });
  });

  it("negative control: the same hammer through a naive appender (no head lock, no guard) forks the chain", async () => {
    const s = sqlClient();
    await s.unsafe(`DROP TABLE IF EXISTS ${SCRATCH}`);
    // LIKE … INCLUDING DEFAULTS copies columns only: no primary key, no unique indexes, no triggers.
    await s.unsafe(`CREATE TABLE ${SCRATCH} (LIKE audit_events INCLUDING DEFAULTS)`);

    const results = await runHammer({
      mode: "naive",
      processes: PROCESSES,
      writersPerProcess: WRITERS_PER_PROCESS,
      events: EVENTS,
      table: SCRATCH,
      tag: `naive-${randomUUID()}`,
    });

    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(sum(results, "appended")).toBe(WRITERS * EVENTS); // nothing stopped it…
    const duplicates = await scalar(`SELECT count(*) - count(DISTINCT seq) FROM ${SCRATCH}`);
    const forks = await scalar(`SELECT count(*) - count(DISTINCT prev_hash) FROM ${SCRATCH}`);
    expect(duplicates).toBeGreaterThan(0); // …and writers claimed the same position
    expect(forks).toBeGreaterThan(0);

    // Stored checkpoints describe the live table, not this scratch one.
    const verdict = await verifyChain({ table: SCRATCH, storedCheckpoints: false });
    expect(verdict.ok).toBe(false);
    expect(["GAP", "LINK_BREAK"]).toContain(verdict.failure?.kind);
  });

  it("the fork guard stops the naive appender on the real table, and the chain stays valid", async () => {
    const results = await runHammer({
      mode: "naive",
      processes: PROCESSES,
      writersPerProcess: WRITERS_PER_PROCESS,
      events: 20,
      table: "audit_events",
      tag: `naive-real-${randomUUID()}`,
    });

    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(sum(results, "uniqueViolations")).toBeGreaterThan(0);
    const constraints = new Set(results.flatMap((r) => r.constraints));
    for (const c of constraints) expect(["audit_events_pkey", "audit_events_prev_hash_key"]).toContain(c);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  it("the unique prev_hash index alone refuses a second event claiming an existing predecessor", async () => {
    const s = sqlClient();
    const [last] = await s<{ seq: string; prev_hash: string }[]>`SELECT seq, prev_hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
    // A fresh sequence number, so only the prev_hash index can object.
    const seq = Number(last!.seq) + 1_000_000;
    const { text } = buildCanonicalEvent(
      { userId: null, apiKeyId: null, ip: null, userAgent: "fork", sessionId: null },
      { type: "data_access", action: "test.fork", outcome: "success" },
    );
    const ROLLBACK = new Error("rollback");
    let error: { code?: string; constraint_name?: string } | null = null;
    await s
      .begin(async (tx) => {
        try {
          await tx`
            INSERT INTO audit_events (seq, canonical, prev_hash, hash)
            VALUES (${seq}, ${text}, ${last!.prev_hash}, ${chainHash(seq, last!.prev_hash, text)})`;
        } catch (err) {
          error = err as { code?: string; constraint_name?: string };
        }
        throw ROLLBACK; // never keep the row, even if the guard is missing
      })
      .catch((err) => {
        if (err !== ROLLBACK) throw err;
      });
    expect(error).toMatchObject({ code: "23505", constraint_name: "audit_events_prev_hash_key" });
  });
});
