import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, sqlClient } from "@/db/client";
import { createUser } from "@/lib/users/service";
import { insertUser, signedInContext, uniqueEmail, countUsersByEmail, auditEvents, chainedEvent } from "@/test/db";
import type { RequestContext, AuditActor } from "@/lib/context";
import { appendAuditEvents, recordAudit, recordAuditEvents, recordAuditOnly } from "./append";
import { buildCanonicalEvent, canonicalJson } from "./canonical";
import { ChainVerifier } from "./chain-verifier";
import { chainHash, GENESIS_HASH } from "./hash";
import type { AuditEventInput } from "./vocabulary";

const ROLLBACK = new Error("rollback on purpose");
const actor: AuditActor = { userId: null, apiKeyId: null, ip: "192.0.2.44", userAgent: "append.service.test", sessionId: null };
// Awkward on purpose: non-ASCII, a float that is an integer, an exponent, key order jsonb changes.
const awkward = {
  zeta: "Zürich € 😂 \u2028",
  alpha: [1.0, 1e21, 0.1, -0],
  nested: { b: null, a: true },
  when: new Date("2026-02-03T04:05:06.007Z"),
};

let admin: RequestContext;
beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
});
afterAll(closeDb);

type StoredRow = {
  seq: string;
  prev_hash: string;
  hash: string;
  canonical: string;
  event_id: string;
  occurred_at: Date;
  metadata: unknown;
  metadata_type: string;
  pg_hash: string;
};

async function rowsBetween(from: number, to: number): Promise<StoredRow[]> {
  const s = sqlClient();
  // pg_hash recomputes the formula inside PostgreSQL, over the stored text.
  return s<StoredRow[]>`
    SELECT seq, prev_hash, hash, canonical, event_id, occurred_at, metadata, jsonb_typeof(metadata) AS metadata_type,
           encode(sha256(convert_to('assay.audit.v1' || E'\n' || seq::text || E'\n' || prev_hash || E'\n' || canonical, 'UTF8')), 'hex') AS pg_hash
      FROM audit_events WHERE seq BETWEEN ${from} AND ${to} ORDER BY seq`;
}

async function stagedRows(): Promise<number> {
  const [row] = await sqlClient()<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_pending`;
  return row!.n;
}

async function hashBefore(seq: number): Promise<string> {
  if (seq === 1) return GENESIS_HASH;
  const [row] = await sqlClient()<{ hash: string }[]>`SELECT hash FROM audit_events WHERE seq = ${seq - 1}`;
  return row!.hash;
}

/** Runs one statement in a transaction that is always rolled back, and returns its error. */
async function attempt(statement: string): Promise<{ code?: string; message: string } | null> {
  let error: { code?: string; message: string } | null = null;
  await sqlClient()
    .begin(async (tx) => {
      try {
        await tx.unsafe(statement);
      } catch (err) {
        error = err as { code?: string; message: string };
      }
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return error;
}

describe("appending", () => {
  it("events chained at commit (hashed in SQL) and batches chained at once (hashed in Node) form one chain the verifier accepts", async () => {
    const input = (i: number): AuditEventInput => ({
      type: "data_access",
      action: "test.appended",
      outcome: "success",
      resource: { type: "test", id: `append-${i}` },
      metadata: { i, awkward },
    });
    const single1 = await chainedEvent(await db.transaction((tx) => recordAudit(tx, actor, input(1))));
    const batch = await db.transaction((tx) => appendAuditEvents(tx, actor, [input(2), input(3), input(4)]));
    const single2 = await chainedEvent(await db.transaction((tx) => recordAudit(tx, actor, input(5))));

    expect(batch.map((b) => b.seq)).toEqual([batch[0]!.seq, batch[0]!.seq + 1, batch[0]!.seq + 2]);
    const rows = await rowsBetween(single1.seq, single2.seq);
    const verifier = new ChainVerifier({ seq: single1.seq, prevHash: await hashBefore(single1.seq) });
    for (const r of rows) {
      expect(verifier.push({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, canonical: r.canonical })).toBeNull();
      // The same formula in PostgreSQL agrees for every row, whichever side computed it.
      expect(r.pg_hash).toBe(r.hash);
    }
    expect(verifier.headSeq).toBe(single2.seq);
    const mine = new Map([single1, ...batch, single2].map((e) => [e.seq, e.hash]));
    for (const r of rows) if (mine.has(Number(r.seq))) expect(r.hash).toBe(mine.get(Number(r.seq)));
  });

  it("one transaction's events are chained together at commit, in the order it recorded them, and leave nothing staged", async () => {
    const input = (i: number): AuditEventInput => ({
      type: "data_access",
      action: "test.ordered",
      outcome: "success",
      resource: { type: "test", id: `order-${i}` },
      metadata: { i },
    });
    const staged = await db.transaction(async (tx) => [
      await recordAudit(tx, actor, input(0)),
      ...(await recordAuditEvents(tx, actor, [input(1), input(2), input(3)])),
      await recordAudit(tx, actor, input(4)),
    ]);
    const seqs = (await Promise.all(staged.map(chainedEvent))).map((e) => e.seq);
    expect(seqs).toEqual([0, 1, 2, 3, 4].map((i) => seqs[0]! + i));
    const ids = await sqlClient()<
      { id: string }[]
    >`SELECT resource_id AS id FROM audit_events WHERE seq BETWEEN ${seqs[0]!} AND ${seqs[4]!} ORDER BY seq`;
    expect(ids.map((r) => r.id)).toEqual([0, 1, 2, 3, 4].map((i) => `order-${i}`));
    expect(await stagedRows()).toBe(0);
  });

  it("stores the canonical text byte-for-byte as hashed, and metadata round-trips as a jsonb object", async () => {
    const input: AuditEventInput = {
      type: "config_change",
      action: "test.stored",
      outcome: "success",
      resource: { type: "test", id: "stored" },
      metadata: awkward,
    };
    const one = await chainedEvent(await db.transaction((tx) => recordAudit(tx, actor, input)));
    const staged = await Promise.all((await db.transaction((tx) => recordAuditEvents(tx, actor, [input, input]))).map(chainedEvent));
    const many = await db.transaction((tx) => appendAuditEvents(tx, actor, [input, input]));
    for (const appended of [one, ...staged, ...many]) {
      const [row] = await rowsBetween(appended.seq, appended.seq);
      // Rebuild the document Node hashed from the row's id and time; the stored text must equal it byte for byte.
      const expected = buildCanonicalEvent(actor, input, new Date(row!.occurred_at), row!.event_id as ReturnType<typeof randomUUID>).text;
      expect(Buffer.from(row!.canonical, "utf8").equals(Buffer.from(expected, "utf8"))).toBe(true);
      expect(row!.event_id).toBe(appended.eventId);
      expect(chainHash(Number(row!.seq), row!.prev_hash, row!.canonical)).toBe(appended.hash);
      // Not a JSON string holding JSON (the postgres.js + drizzle double-encoding trap).
      expect(row!.metadata_type).toBe("object");
      expect(row!.metadata).toEqual(JSON.parse(JSON.stringify(awkward)));
      expect(canonicalJson(row!.metadata)).toBe(canonicalJson(JSON.parse(row!.canonical).metadata));
    }
  });

  it("an event with no change to go with it is chained by its own statement's commit, or refused whole", async () => {
    const staged = await recordAuditOnly(actor, {
      type: "access_denied",
      action: "test.alone",
      outcome: "denied",
      resource: { type: "test", id: "alone" },
    });
    const event = await chainedEvent(staged);
    const [row] = await rowsBetween(event.seq, event.seq);
    expect(row!.pg_hash).toBe(row!.hash);
    expect(JSON.parse(row!.canonical)).toMatchObject({ action: "test.alone", outcome: "denied" });

    const [head] = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    const broken: AuditActor = { ...actor, userId: "not-a-uuid" };
    await expect(recordAuditOnly(broken, { type: "access_denied", action: "test.alone_broken", outcome: "denied" })).rejects.toMatchObject({
      cause: { code: "22P02" },
    });
    const [after] = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(after!.seq).toBe(head!.seq);
    expect(await stagedRows()).toBe(0);
  });

  it("an empty batch writes nothing", async () => {
    const before = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(await db.transaction((tx) => appendAuditEvents(tx, actor, []))).toEqual([]);
    expect(await db.transaction((tx) => recordAuditEvents(tx, actor, []))).toEqual([]);
    const after = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(Number(after[0]!.seq)).toBeGreaterThanOrEqual(Number(before[0]!.seq)); // others may append; we did not fail
  });
});

describe("the chain head is locked only while a transaction commits", () => {
  const event: AuditEventInput = { type: "data_access", action: "test.head_lock", outcome: "success" };

  /** Holds a transaction open after `hold` ran in it, while another transaction records an event. */
  async function recordBesideOpenTransaction(hold: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<unknown>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const open = db.transaction(async (tx) => {
      await hold(tx);
      held();
      await released;
    });
    await holding;
    try {
      // A short lock timeout: an append that has to wait for the head fails instead of hanging.
      return await sqlClient()
        .begin(async (tx) => {
          await tx`SET LOCAL lock_timeout = '500ms'`;
          await tx`INSERT INTO audit_pending (canonical) VALUES (${buildCanonicalEvent(actor, event).text})`;
        })
        .then(
          () => "committed" as const,
          (err: { code?: string }) => err.code,
        );
    } finally {
      release();
      await open;
    }
  }

  it("an open transaction that recorded an event does not block another writer's commit", async () => {
    expect(await recordBesideOpenTransaction((tx) => recordAudit(tx, actor, event))).toBe("committed");
  });

  it("negative control: one that appended a batch holds the head until it ends, so the other writer waits", async () => {
    expect(await recordBesideOpenTransaction((tx) => appendAuditEvents(tx, actor, [event]))).toBe("55P03"); // lock_not_available
  });
});

describe("the database refuses to rewrite history (even for the superuser the tests connect as)", () => {
  it.each([
    ["UPDATE audit_events", "UPDATE audit_events SET canonical = canonical || ' ' WHERE seq = (SELECT min(seq) FROM audit_events)"],
    ["UPDATE audit_events (all rows)", "UPDATE audit_events SET canonical = canonical"],
    ["DELETE FROM audit_events", "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)"],
    ["TRUNCATE audit_events", "TRUNCATE audit_events"],
    ["DELETE FROM audit_chain_head", "DELETE FROM audit_chain_head"],
    ["TRUNCATE audit_chain_head", "TRUNCATE audit_chain_head"],
    ["moving the head backwards", "UPDATE audit_chain_head SET seq = seq - 1"],
    ["rewriting the head hash in place", "UPDATE audit_chain_head SET hash = repeat('f', 64)"],
    [
      "advancing the head without linking to its hash",
      "UPDATE audit_chain_head SET seq = seq + 1, prev_hash = repeat('f', 64), hash = repeat('e', 64)",
    ],
  ])("%s is refused", async (_name, statement) => {
    await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.refuse", outcome: "success" }));
    const error = await attempt(statement);
    expect(error?.code).toBe("42501"); // insufficient_privilege, raised by the triggers
    expect(error?.message).toMatch(/append-only|only move forward|must link/);
  });

  it("a query column cannot be edited at all: PostgreSQL generates it from the canonical text", async () => {
    const error = await attempt("UPDATE audit_events SET outcome = 'failure' WHERE seq = (SELECT min(seq) FROM audit_events)");
    expect(error?.code).toBe("428C9"); // generated_always: refused before any trigger runs
  });
});

describe("an event belongs to its transaction", () => {
  it("a rolled-back change leaves neither the business row nor its event", async () => {
    const email = uniqueEmail("rollback");
    let createdId = "";
    let eventsSeenInside = 0;
    await expect(
      db.transaction(async (tx) => {
        const user = await createUser(tx, admin, { email, name: "Rolled Back", password: "a-long-enough-password", roles: ["auditor"] });
        createdId = user.id;
        // Staged in the transaction, to be chained at its commit.
        const inside = await tx.execute<{ n: string }>(`SELECT count(*)::text AS n FROM audit_pending WHERE canonical LIKE '%${user.id}%'`);
        eventsSeenInside = Number(inside[0]!.n);
        throw ROLLBACK;
      }),
    ).rejects.toBe(ROLLBACK);
    expect(eventsSeenInside).toBe(1); // the event was staged, in the transaction…
    expect(await countUsersByEmail(email)).toBe(0); // …and went away with it, like the user.
    expect(await auditEvents({ resourceId: createdId })).toHaveLength(0);
    expect(await stagedRows()).toBe(0);
  });

  it("fails closed: an event that cannot be chained fails the COMMIT and rolls back the change it was recording", async () => {
    const email = uniqueEmail("failclosed");
    const broken: AuditActor = { ...actor, userId: "not-a-uuid" }; // the actor_user_id projection cannot cast it
    const [head] = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    await expect(
      db.transaction(async (tx) => {
        await createUser(tx, admin, { email, name: "Never", password: "a-long-enough-password", roles: ["auditor"] });
        await recordAudit(tx, broken, { type: "data_modification", action: "test.broken", outcome: "success" });
      }),
    ).rejects.toMatchObject({ code: "22P02" }); // raised at COMMIT, by the chaining trigger's insert
    expect(await countUsersByEmail(email)).toBe(0);
    const [after] = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(after!.seq).toBe(head!.seq); // the head did not move either
    expect(await stagedRows()).toBe(0);
  });
});
