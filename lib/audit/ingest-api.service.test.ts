import "@/test/signing-env"; // first: a 1,000-event batch crosses a checkpoint interval and signs one
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/audit/events/route";
import { closeDb, db } from "@/db/client";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import type { RequestContext } from "@/lib/context";
import { auditEvents, chainedEvent, headSeq, insertUser, signedInContext } from "@/test/db";
import { recordAudit } from "./append";
import { chainHash } from "./hash";
import { verifyChain } from "./verify";

/**
 * The machine API of issue 3, called as Next calls a route handler: every refusal answers
 * with a problem body and appends nothing of the batch; a good batch of 1,000 lands under
 * one lock acquisition; the SIEM side pages through it with proofs that re-hash.
 */
const URL_ = "http://127.0.0.1/api/v1/audit/events";
const ACTION = "ingest_test.reported";
const noParams = { params: Promise.resolve({}) };

type Key = { id: string; token: string };
let writer: Key;
let reader: Key;
let revoked: Key;
let admin: RequestContext;

beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
  const make = (scopes: ("audit:read" | "audit:write")[]) =>
    db.transaction((tx) => createApiKey(tx, admin, { name: "ingest test", scopes, ratePerMinute: 10_000, ratePerDay: 100_000 }));
  writer = await make(["audit:write"]);
  reader = await make(["audit:read"]);
  revoked = await make(["audit:write", "audit:read"]);
  await db.transaction((tx) => revokeApiKey(tx, admin, { keyId: revoked.id }));
});
afterAll(closeDb);

const event = (i: number) => ({
  type: "model_inference",
  action: ACTION,
  outcome: "success",
  resource: { type: "model", id: `m-${i}` },
  metadata: { i, latencyMs: 12.5 },
});
const batch = (n: number) => JSON.stringify({ events: Array.from({ length: n }, (_, i) => event(i)) });

function post(token: string | null, body: string, contentType = "application/json") {
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-forwarded-for": "198.51.100.31",
    "user-agent": "ingest.service.test",
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return POST(new Request(URL_, { method: "POST", headers, body }), noParams);
}

function get(token: string, query: Record<string, string>) {
  return GET(new Request(`${URL_}?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } }), noParams);
}

type Problem = { type: string; status: number; detail: string; errors?: { field: string; messages: string[] }[] };

async function problem(res: Response, status: number, code: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body).toMatchObject({ type: `urn:assay:problem:${code}`, status, instance: "/api/v1/audit/events" });
  return body;
}

/** Runs a refused request and checks that not one event of the batch was appended. */
async function refused(send: () => Promise<Response>, status: number, code: string, denialsAudited = 0) {
  const before = await headSeq();
  const body = await problem(await send(), status, code);
  const after = await headSeq();
  expect(after - before).toBe(denialsAudited);
  const written = await auditEvents({ afterSeq: before });
  expect(written.filter((e) => e.action === ACTION)).toEqual([]);
  return { body, written };
}

describe("POST /api/v1/audit/events refuses, and appends nothing", () => {
  it("without a key, with a malformed one, or with an unknown one: 401", async () => {
    await refused(() => post(null, batch(1)), 401, "unauthenticated");
    await refused(() => post("not-a-key", batch(1)), 401, "unauthenticated");
    await refused(() => post(generateApiKey().token, batch(1)), 401, "unauthenticated");
    await refused(() => post(`${writer.token.slice(0, -1)}${writer.token.endsWith("A") ? "B" : "A"}`, batch(1)), 401, "unauthenticated");
  });

  it("with a revoked key: 401, and the denial itself is the only event", async () => {
    const { written } = await refused(() => post(revoked.token, batch(3)), 401, "unauthenticated", 1);
    expect(written).toMatchObject([
      {
        eventType: "access_denied",
        action: "api_key.denied",
        outcome: "denied",
        actorApiKeyId: revoked.id,
        metadata: { reason: "revoked" },
      },
    ]);
  });

  it("with a key that lacks audit:write: 403, and the denial itself is the only event", async () => {
    const { body, written } = await refused(() => post(reader.token, batch(3)), 403, "forbidden", 1);
    expect(body.detail).toContain("audit:write");
    expect(written).toMatchObject([
      {
        eventType: "access_denied",
        action: "api_key.denied",
        actorApiKeyId: reader.id,
        metadata: { reason: "missing_scope", scope: "audit:write" },
      },
    ]);
  });

  it("a malformed batch: 400 naming each bad field, and the good events in it are not appended either", async () => {
    const events = [
      event(0),
      { ...event(1), type: "model_whatever" },
      { ...event(2), action: "Not An Action" },
      { ...event(3), extra: true },
      event(4),
    ];
    const { body } = await refused(() => post(writer.token, JSON.stringify({ events })), 400, "validation");
    const fields = body.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["events.1.type", "events.2.action"]));
    const unknown = body.errors!.find((e) => e.field.startsWith("events.3"));
    expect(unknown?.messages.join(" ")).toContain("extra");
    expect(fields.every((f) => /^events\.[123](\.|$)/.test(f))).toBe(true); // events 0 and 4 are fine
  });

  it("a batch of 1,001 events, or an empty one: 400 on `events`", async () => {
    for (const body of [batch(1001), batch(0)]) {
      const { body: p } = await refused(() => post(writer.token, body), 400, "validation");
      expect(p.errors).toEqual([{ field: "events", messages: [expect.any(String)] }]);
    }
  });

  it("a body that is not JSON, or not sent as JSON: 400", async () => {
    const bad = await refused(() => post(writer.token, `${batch(2).slice(0, -2)}`), 400, "validation");
    expect(bad.body.detail).toMatch(/not valid JSON/);
    await refused(() => post(writer.token, batch(2), "text/plain"), 400, "validation");
    await refused(() => post(writer.token, "[]"), 400, "validation");
  });
});

describe("a batch of 1,000 from an AI service", () => {
  let appended: { seq: number; hash: string; eventId: string }[] = [];

  it("is appended whole, contiguously, under one lock acquisition, while other writers append", async () => {
    let stop = false;
    const others: number[] = [];
    const other = (async () => {
      while (!stop) {
        const e = await db.transaction((tx) =>
          recordAudit(
            tx,
            { userId: null, apiKeyId: null, ip: null, userAgent: "ingest.service.test", sessionId: null },
            { type: "data_access", action: "ingest_test.concurrent", outcome: "success" },
          ),
        );
        others.push((await chainedEvent(e)).seq);
      }
    })();
    let res: Response;
    try {
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the other writer get going
      res = await post(writer.token, batch(1000));
    } finally {
      stop = true;
      await other;
    }
    expect(res.status).toBe(201);
    const body = (await res.json()) as { appended: number; firstSeq: number; lastSeq: number; events: typeof appended };
    appended = body.events;
    expect(body.appended).toBe(1000);
    expect(body.lastSeq - body.firstSeq).toBe(999);
    expect(appended.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => body.firstSeq + i));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((seq) => seq >= body.firstSeq && seq <= body.lastSeq)).toEqual([]); // nothing interleaved

    const stored = await auditEvents({ actorApiKeyId: writer.id, afterSeq: body.firstSeq - 1 });
    expect(stored).toHaveLength(1000);
    expect(stored.map((e) => e.seq)).toEqual(appended.map((e) => e.seq));
    expect(
      stored.every(
        (e) => e.action === ACTION && e.eventType === "model_inference" && e.actorApiKeyId === writer.id && e.actorUserId === null,
      ),
    ).toBe(true);
    expect(stored[999]!.metadata).toEqual({ i: 999, latencyMs: 12.5 });
    expect(await verifyChain()).toMatchObject({ ok: true, failure: null });
  });

  it("pages out through GET with `next` cursors, as canonical text and hashes that re-hash", async () => {
    expect(appended).toHaveLength(1000);
    await problem(await get(writer.token, { limit: "10" }), 403, "forbidden"); // audit:write cannot read (and that denial is an event of this key)
    await problem(await get(reader.token, { after: "page-2" }), 400, "validation");

    type Row = { seq: number; canonical: string; prevHash: string; hash: string; actorApiKeyId: string | null };
    const rows: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await get(reader.token, { actor: `key:${writer.id}`, action: ACTION, limit: "300", ...(after ? { after } : {}) });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { events: Row[]; next: string | null };
      rows.push(...page.events);
      after = page.next;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(4); // 300 + 300 + 300 + 100; all 1,000 share one timestamp, so the seq breaks the ties
    expect(rows.map((r) => r.seq)).toEqual(appended.map((e) => e.seq));
    rows.forEach((r, i) => {
      expect(chainHash(r.seq, r.prevHash, r.canonical)).toBe(r.hash);
      expect(r.hash).toBe(appended[i]!.hash);
      if (i > 0) expect(r.prevHash).toBe(rows[i - 1]!.hash);
      expect(JSON.parse(r.canonical)).toMatchObject({
        v: 1,
        id: appended[i]!.eventId,
        action: ACTION,
        actor: { apiKeyId: writer.id, ip: "198.51.100.31", userAgent: "ingest.service.test" },
        metadata: { i },
      });
    });
  });
});
