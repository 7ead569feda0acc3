import { describe, expect, it } from "vitest";
import { buildChain } from "@/test/chain";
import { ChainVerifier, projectionMismatch, type ChainFailure, type ChainRow } from "./chain-verifier";
import { GENESIS_HASH, chainHash } from "./hash";

/** Pushes rows until the first failure, like verifyChain does. */
function run(rows: ChainRow[], verifier = new ChainVerifier()): { failure: ChainFailure | null; verifier: ChainVerifier } {
  for (const row of rows) {
    const failure = verifier.push(row);
    if (failure) return { failure, verifier };
  }
  return { failure: null, verifier };
}

/** Flips one character of a string (keeps its length, so only content differs). */
function flipOne(text: string, at: number): string {
  const c = text[at] === "a" ? "b" : "a";
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe("ChainVerifier", () => {
  it("accepts a good chain from genesis and reports its head", () => {
    const rows = buildChain(6);
    const { failure, verifier } = run(rows);
    expect(failure).toBeNull();
    expect(verifier.checked).toBe(6);
    expect(verifier.headSeq).toBe(6);
    expect(verifier.headHash).toBe(rows[5]!.hash);
  });

  it("starts at genesis (seq 1, 64 zeros) by default", () => {
    const v = new ChainVerifier();
    expect(v.headSeq).toBe(0);
    expect(v.headHash).toBe(GENESIS_HASH);
  });

  it("reports a missing row as GAP at the missing sequence number", () => {
    const rows = buildChain(6);
    const { failure, verifier } = run([...rows.slice(0, 3), ...rows.slice(4)]);
    expect(failure).toMatchObject({ kind: "GAP", seq: 4 });
    expect(verifier.checked).toBe(3);
  });

  it("reports a duplicated sequence number (a fork) as GAP", () => {
    const rows = buildChain(3);
    const { failure } = run([rows[0]!, rows[1]!, rows[1]!, rows[2]!]);
    expect(failure).toMatchObject({ kind: "GAP", seq: 3 });
  });

  it("reports a row whose prev_hash is not its predecessor's hash as LINK_BREAK, even if self-consistent", () => {
    const rows = buildChain(5);
    const bad = { ...rows[2]!, prevHash: "f".repeat(64) };
    bad.hash = chainHash(bad.seq, bad.prevHash, bad.canonical); // a forger recomputing the row's own hash
    const { failure } = run([rows[0]!, rows[1]!, bad, rows[3]!, rows[4]!]);
    expect(failure).toMatchObject({ kind: "LINK_BREAK", seq: 3 });
  });

  it("reports one changed byte of the canonical text as CONTENT_HASH_MISMATCH at that row", () => {
    const rows = buildChain(5);
    rows[3] = { ...rows[3]!, canonical: flipOne(rows[3]!.canonical, rows[3]!.canonical.indexOf("thing.updated")) };
    expect(run(rows).failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: 4 });
  });

  it("reports a rewritten hash as CONTENT_HASH_MISMATCH at that row", () => {
    const rows = buildChain(5);
    rows[1] = { ...rows[1]!, hash: flipOne(rows[1]!.hash, 0) };
    expect(run(rows).failure).toMatchObject({ kind: "CONTENT_HASH_MISMATCH", seq: 2 });
  });

  it("reports a query column that disagrees with the hashed text as PROJECTION_MISMATCH", () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2]!, projection: { ...rows[2]!.projection, actorIp: "198.51.100.9" } };
    const { failure } = run(rows);
    expect(failure).toMatchObject({ kind: "PROJECTION_MISMATCH", seq: 3 });
    expect(failure?.detail).toContain("actor_ip");
  });

  it("reports a changed metadata value as PROJECTION_MISMATCH on metadata", () => {
    const rows = buildChain(3);
    rows[1] = { ...rows[1]!, projection: { ...rows[1]!.projection, metadata: { seq: 2, before: { n: 1 }, after: { n: 99 } } } };
    expect(run(rows).failure).toMatchObject({ kind: "PROJECTION_MISMATCH", seq: 2 });
    expect(run(rows).failure?.detail).toContain("metadata");
  });

  it("skips the projection check for rows without one (exported bundles carry only the chain)", () => {
    const rows = buildChain(3).map(({ seq, prevHash, hash, canonical }) => ({ seq, prevHash, hash, canonical }));
    expect(run(rows).failure).toBeNull();
  });

  it("verifies a range when started mid-chain at (seq, hash of seq-1)", () => {
    const rows = buildChain(8);
    const start = { seq: 5, prevHash: rows[3]!.hash };
    const { failure, verifier } = run(rows.slice(4), new ChainVerifier(start));
    expect(failure).toBeNull();
    expect(verifier.checked).toBe(4);
    expect(verifier.headSeq).toBe(8);
    // The wrong anchor hash, or a range that does not begin where it claims, is refused.
    expect(run(rows.slice(4), new ChainVerifier({ seq: 5, prevHash: rows[2]!.hash })).failure).toMatchObject({
      kind: "LINK_BREAK",
      seq: 5,
    });
    expect(run(rows.slice(5), new ChainVerifier(start)).failure).toMatchObject({ kind: "GAP", seq: 5 });
  });
});

describe("projectionMismatch", () => {
  const [row] = buildChain(1);

  it("accepts jsonb's reordered keys and PostgreSQL's text form of the timestamp", () => {
    const p = row!.projection;
    const reordered = { after: { n: 1 }, before: { n: 0 }, seq: 1 };
    expect(projectionMismatch(row!.canonical, { ...p, metadata: reordered, occurredAt: "2026-01-01 00:00:01+00" })).toBeNull();
  });

  it("names the first disagreeing column", () => {
    const p = row!.projection;
    expect(projectionMismatch(row!.canonical, { ...p, eventType: "login" })).toBe("event_type");
    expect(projectionMismatch(row!.canonical, { ...p, occurredAt: new Date(0) })).toBe("occurred_at");
    expect(projectionMismatch(row!.canonical, { ...p, resourceId: null })).toBe("resource_id");
    expect(projectionMismatch("{not json", p)).toBe("canonical");
  });
});
