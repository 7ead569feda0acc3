import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildCanonicalEvent } from "./canonical";
import { chainHash, GENESIS_HASH, HASH_DOMAIN } from "./hash";

/**
 * Golden values, computed once and pasted here (cross-checked with `sha256sum` and Python's
 * hashlib). They pin the documented format an auditor re-implements: if the canonical form,
 * the domain string, the separators or the encoding change, these literals stop matching,
 * and every exported chain ever verified would stop verifying.
 */
const GOLDEN_TEXT =
  '{"action":"user.roles_changed","actor":{"apiKeyId":null,"ip":"203.0.113.7",' +
  '"sessionId":"5f0c2d1e-8a9b-4c3d-b2e1-0f9e8d7c6b5a","userAgent":"Mozilla/5.0 (Assay golden)",' +
  '"userId":"2b1d9f5e-3c4a-4e8b-9f00-7a6b5c4d3e2f"},"id":"6f9619ff-8b86-4d01-b42d-00c04fc964ff",' +
  '"metadata":{"after":{"roles":["admin","auditor"]},"before":{"roles":["auditor"]},"n":1500,' +
  '"note":"Zürich €5 — ok"},"outcome":"success","resource":{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",' +
  '"type":"user"},"time":"2026-03-14T15:09:26.535Z","type":"permission_change","v":1}';
const GOLDEN_HASH_1 = "dfb1a9115a60234d9f58cb13b76fe1712d56410bae55aa2d0058df08c4868f36";
const GOLDEN_HASH_2 = "c5baad1108afda9cd27aded71e7bc438e48f516257020bbc7a748a328b617401";

function goldenEvent() {
  return buildCanonicalEvent(
    {
      userId: "2b1d9f5e-3c4a-4e8b-9f00-7a6b5c4d3e2f",
      apiKeyId: null,
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (Assay golden)",
      sessionId: "5f0c2d1e-8a9b-4c3d-b2e1-0f9e8d7c6b5a",
    },
    {
      type: "permission_change",
      action: "user.roles_changed",
      outcome: "success",
      resource: { type: "user", id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" },
      // Non-ASCII text and a number with an exponent: both must be canonicalized, then UTF-8 encoded.
      metadata: { before: { roles: ["auditor"] }, after: { roles: ["admin", "auditor"] }, note: "Zürich €5 — ok", n: 1.5e3 },
    },
    new Date("2026-03-14T15:09:26.535Z"),
    "6f9619ff-8b86-4d01-b42d-00c04fc964ff",
  );
}

describe("chain hash format (docs/audit-log-format.md)", () => {
  it("has the documented constants", () => {
    expect(HASH_DOMAIN).toBe("assay.audit.v1");
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("builds the golden event's canonical text exactly", () => {
    expect(goldenEvent().text).toBe(GOLDEN_TEXT);
  });

  it("hashes the golden event at seq 1 after genesis to the pinned value", () => {
    expect(chainHash(1, GENESIS_HASH, GOLDEN_TEXT)).toBe(GOLDEN_HASH_1);
  });

  it("chains a second event on the first event's hash", () => {
    const h1 = chainHash(1, GENESIS_HASH, goldenEvent().text);
    expect(chainHash(2, h1, GOLDEN_TEXT)).toBe(GOLDEN_HASH_2);
  });

  it("is the documented formula: sha256(UTF-8 of domain \\n seq \\n prev \\n canonical), lower-case hex", () => {
    const expected = createHash("sha256")
      .update(Buffer.from(`assay.audit.v1\n1\n${"0".repeat(64)}\n${GOLDEN_TEXT}`, "utf8"))
      .digest("hex");
    expect(GOLDEN_HASH_1).toBe(expected);
    expect(GOLDEN_HASH_1).toMatch(/^[0-9a-f]{64}$/);
  });

  it("binds the sequence number and the predecessor: changing either changes the hash", () => {
    expect(chainHash(2, GENESIS_HASH, GOLDEN_TEXT)).not.toBe(GOLDEN_HASH_1);
    expect(chainHash(1, "f".repeat(64), GOLDEN_TEXT)).not.toBe(GOLDEN_HASH_1);
    expect(chainHash(1, GENESIS_HASH, GOLDEN_TEXT.replace("Zürich", "Zurich"))).not.toBe(GOLDEN_HASH_1);
  });
});
