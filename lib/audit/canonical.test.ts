import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCanonicalEvent, canonicalEventTemplate, canonicalJson } from "./canonical";
import type { AuditActor } from "@/lib/context";

// The RFC author's published vectors live beside the repository (shared test data, which
// its README asks us not to copy in): <repo>/../shared/testdata/jcs-rfc8785/{input,output}/<name>.json.
// CI always has them beside the clone, so there their absence fails the suite instead of
// skipping it; elsewhere the check is skipped with a message that says so.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const vectors = path.resolve(repoRoot, "../shared/testdata/jcs-rfc8785");
const vectorNames = existsSync(path.join(vectors, "input"))
  ? readdirSync(path.join(vectors, "input"))
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

describe("canonicalJson: RFC 8785 test vectors", () => {
  if (vectorNames.length === 0) {
    const missing = `RFC 8785 vectors not found at ${vectors}: byte-equality against them is not checked`;
    if (process.env.CI) it("finds the RFC 8785 vectors beside the repository (CI)", () => expect.fail(missing));
    else it.skip(missing, () => {});
    return;
  }

  // Bytes, not strings: an auditor re-hashes the UTF-8 bytes, so a difference in string
  // escaping or normalization that survives a string comparison would still break the chain.
  it.each(vectorNames)("%s canonicalizes to the byte-identical published output", (name) => {
    const input = readFileSync(path.join(vectors, "input", name), "utf8");
    const expected = readFileSync(path.join(vectors, "output", name));
    expect(Buffer.from(canonicalJson(JSON.parse(input)), "utf8").equals(expected)).toBe(true);
  });

  it("found the six published vectors", () => {
    expect(vectorNames).toEqual(["arrays.json", "french.json", "structures.json", "unicode.json", "values.json", "weird.json"]);
  });
});

describe("canonicalJson", () => {
  it("refuses a value with no JSON representation instead of hashing 'undefined'", () => {
    expect(() => canonicalJson(undefined)).toThrow(/no JSON representation/);
  });
});

describe("buildCanonicalEvent", () => {
  const actor: AuditActor = { userId: "u-1", apiKeyId: null, ip: "10.0.0.1", userAgent: null, sessionId: "s-1" };
  const now = new Date("2026-01-02T03:04:05.678Z");
  const id = "00000000-0000-4000-8000-000000000001";

  it("sorts keys at every level (RFC 8785 §3.2.3) and keeps null members", () => {
    const { text } = buildCanonicalEvent(
      actor,
      { type: "login", action: "user.signed_in", outcome: "success", metadata: { z: 1, a: null } },
      now,
      id,
    );
    expect(text).toBe(
      '{"action":"user.signed_in",' +
        '"actor":{"apiKeyId":null,"ip":"10.0.0.1","sessionId":"s-1","userAgent":null,"userId":"u-1"},' +
        `"id":"${id}","metadata":{"a":null,"z":1},"outcome":"success",` +
        '"resource":{"id":null,"type":null},"time":"2026-01-02T03:04:05.678Z","type":"login","v":1}',
    );
  });

  it("drops undefined metadata members and stores Dates as ISO strings, exactly as jsonb will hold them", () => {
    const { event, text } = buildCanonicalEvent(
      actor,
      {
        type: "config_change",
        action: "x.changed",
        outcome: "success",
        resource: { type: "thing", id: "t-1" },
        metadata: { gone: undefined, at: new Date("2026-05-06T07:08:09.000Z"), nested: { keep: null, gone: undefined } },
      },
      now,
      id,
    );
    expect(event.metadata).toEqual({ at: "2026-05-06T07:08:09.000Z", nested: { keep: null } });
    expect(Object.keys(event.metadata)).not.toContain("gone");
    expect(text).toContain('"metadata":{"at":"2026-05-06T07:08:09.000Z","nested":{"keep":null}}');
    expect(text).toContain('"resource":{"id":"t-1","type":"thing"}');
    // What is stored must parse back to the document that was hashed.
    expect(JSON.parse(text)).toEqual(event);
  });

  it("defaults missing metadata to {} and a fresh uuid id", () => {
    const a = buildCanonicalEvent(actor, { type: "logout", action: "user.signed_out", outcome: "success" }, now);
    const b = buildCanonicalEvent(actor, { type: "logout", action: "user.signed_out", outcome: "success" }, now);
    expect(a.event.metadata).toEqual({});
    expect(a.event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.event.id).not.toBe(b.event.id);
  });
});

describe("canonicalEventTemplate", () => {
  const text = fc.string({ unit: "binary-ascii", maxLength: 12 });
  // Values that look like the template's slots, to show a fill never lands in them.
  const tricky = fc.oneof(
    text,
    fc.constantFrom("__event_id__", "__event_time__", '"id":"__event_id__"', '"time":"__event_time__"', "\u2028", "é", "𝄞"),
  );
  const actor = fc.record({
    userId: fc.option(tricky),
    apiKeyId: fc.option(tricky),
    ip: fc.option(tricky),
    userAgent: fc.option(tricky),
    sessionId: fc.option(tricky),
  });
  const input = fc.record({
    type: tricky,
    action: tricky,
    outcome: tricky,
    resource: fc.option(fc.record({ type: fc.option(tricky), id: fc.option(tricky) }), { nil: undefined }),
    metadata: fc.dictionary(
      fc.constantFrom("id", "time", "type", "v", "reason", "a"),
      fc.oneof(tricky, fc.dictionary(fc.constantFrom("id", "time"), tricky)),
    ),
  });

  it("fills in to exactly the text buildCanonicalEvent() gives, for any actor and event", () => {
    fc.assert(
      fc.property(
        actor,
        input,
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.uuid(),
        (a, e, now, id) => {
          const event = e as unknown as Parameters<typeof buildCanonicalEvent>[1];
          expect(canonicalEventTemplate(a, event)(now, id)).toBe(buildCanonicalEvent(a, event, now, id).text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives each fill a fresh id unless one is named", () => {
    const fill = canonicalEventTemplate(
      { userId: null, apiKeyId: null, ip: null, userAgent: null, sessionId: null },
      { type: "data_access", action: "x.y", outcome: "denied" },
    );
    const now = new Date("2026-01-02T03:04:05.678Z");
    const [a, b] = [JSON.parse(fill(now)), JSON.parse(fill(now))];
    expect(a.id).not.toBe(b.id);
    expect(a.time).toBe("2026-01-02T03:04:05.678Z");
  });
});
