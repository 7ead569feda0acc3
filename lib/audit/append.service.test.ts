import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, sqlClient } from "@/db/client";
import { createUser } from "@/lib/users/service";
import { insertUser, signedInContext, uniqueEmail, countUsersByEmail, auditEvents } from "@/test/db";
import type { RequestContext } from "@/lib/auth/context";
import { appendAuditEvents, recordAudit } from "./append";
import { buildCanonicalEvent, canonicalJson } from "./canonical";
import { ChainVerifier } from "./chain-verifier";
import { chainHash, GENESIS_HASH } from "./hash";
import type { AuditActor, AuditEventInput } from "./vocabulary";

const ROLLBACK = new Error("rollback on purpose");
const actor: AuditActor = { userId: null, apiKeyId: null, ip: "192.0.2.44", userAgent: "append.service.test", sessionId: null };
// Awkward on purpose: non-ASCII, a float that is an integer, an exponent, key order jsonb changes.
const awkward = { zeta: "Zürich € 😂 \u2028", alpha: [1.0, 1e21, 0.1, -0], nested: { b: null, a: true }, when: new Date("2026-02-03T04:05:06.007Z") };

let admin: RequestContext;
beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
});
afterAll(closeDb);

type StoredRow = { seq: string; prev_hash: string; hash: string; canonical: string; event_id: string; occurred_at: Date; metadata: unknown; metadata_type: string; pg_hash: string };

async function rowsBetween(from: number, to: number): Promise<StoredRow[]> {
  const s = sqlClient();
  // pg_hash recomputes the formula inside PostgreSQL, over the stored text.
  return s<StoredRow[]>`
    SELECT seq, prev_hash, hash, canonical, event_id, occurred_at, metadata, jsonb_typeof(metadata) AS metadata_type,
           encode(sha256(convert_to('assay.audit.v1' || E'\n' || seq::text || E'\n' || prev_hash || E'\n' || canonical, 'UTF8')), 'hex') AS pg_hash
      FROM audit_events WHERE seq BETWEEN ${from} AND ${to} ORDER BY seq`;
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
  it("single appends (hashed in SQL) and batches (hashed in Node) form one chain the verifier accepts", async () => {
    const input = (i: number): AuditEventInput => ({ type: "data_access", action: "test.appended", outcome: "success", resource: { type: "test", id: `append-${i}` }, metadata: { i, awkward } });
    const single1 = await db.transaction((tx) => recordAudit(tx, actor, input(1)));
    const batch = await db.transaction((tx) => appendAuditEvents(tx, actor, [input(2), input(3), input(4)]));
    const single2 = await db.transaction((tx) => recordAudit(tx, actor, input(5)));

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

  it("stores the canonical text byte-for-byte as hashed, and metadata round-trips as a jsonb object", async () => {
    const input: AuditEventInput = { type: "config_change", action: "test.stored", outcome: "success", resource: { type: "test", id: "stored" }, metadata: awkward };
    const one = await db.transaction((tx) => recordAudit(tx, actor, input));
    const many = await db.transaction((tx) => appendAuditEvents(tx, actor, [input, input]));
    for (const appended of [one, ...many]) {
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

  it("an empty batch writes nothing", async () => {
    const before = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(await db.transaction((tx) => appendAuditEvents(tx, actor, []))).toEqual([]);
    const after = await sqlClient()<{ seq: string }[]>`SELECT seq FROM audit_chain_head`;
    expect(Number(after[0]!.seq)).toBeGreaterThanOrEqual(Number(before[0]!.seq)); // others may append; we did not fail
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
    ["advancing the head without linking to its hash", "UPDATE audit_chain_head SET seq = seq + 1, prev_hash = repeat('f', 64), hash = repeat('e', 64)"],
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
        const inside = await tx.execute<{ n: string }>(`SELECT count(*)::text AS n FROM audit_events WHERE resource_id = '${user.id}'`);
        eventsSeenInside = Number(inside[0]!.n);
        throw ROLLBACK;
      }),
    ).rejects.toBe(ROLLBACK);
    expect(eventsSeenInside).toBe(1); // the event was written, in the transaction…
    expect(await countUsersByEmail(email)).toBe(0); // …and went away with it, like the user.
    expect(await auditEvents({ resourceId: createdId })).toHaveLength(0);
  });

  it("fails closed: a failed append rolls back the change it was recording", async () => {
    const email = uniqueEmail("failclosed");
    const broken: AuditActor = { ...actor, userId: "not-a-uuid" }; // the actor_user_id projection cannot cast it
    await expect(
      db.transaction(async (tx) => {
        await createUser(tx, admin, { email, name: "Never", password: "a-long-enough-password", roles: ["auditor"] });
        await recordAudit(tx, broken, { type: "data_modification", action: "test.broken", outcome: "success" });
      }),
    ).rejects.toThrow();
    expect(await countUsersByEmail(email)).toBe(0);
  });
});
