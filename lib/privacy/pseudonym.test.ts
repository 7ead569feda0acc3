import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { displayRef, MissingPseudonymKeyError, pseudonymize, readPseudonymKey } from "./pseudonym";

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe("pseudonymize", () => {
  it("is deterministic per key and normalizes the identifier", () => {
    expect(pseudonymize("ada@example.com", "subject", keyA)).toBe(pseudonymize("  ADA@example.com ", "subject", keyA));
    expect(pseudonymize("ada@example.com", "subject", keyA)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs across keys and across key domains", () => {
    const a = pseudonymize("ada@example.com", "subject", keyA);
    expect(pseudonymize("ada@example.com", "subject", keyB)).not.toBe(a);
    expect(pseudonymize("ada@example.com", "display", keyA)).not.toBe(a);
    expect(pseudonymize("bob@example.com", "subject", keyA)).not.toBe(a);
  });

  it("never contains the identifier", () => {
    const p = pseudonymize("canary-7f3a", "subject", keyA);
    expect(p).not.toContain("canary");
    expect(displayRef(p, keyA)).toMatch(/^subj_[0-9a-f]{10}$/);
  });

  it("refuses to run without its key, or with a short one", () => {
    expect(() => readPseudonymKey("")).toThrow(MissingPseudonymKeyError);
    expect(() => readPseudonymKey(randomBytes(8).toString("base64"))).toThrow(/at least 32 bytes/);
    expect(readPseudonymKey(keyA.toString("base64"))).toEqual(keyA);
    const saved = process.env.ASSAY_PSEUDONYM_KEY;
    delete process.env.ASSAY_PSEUDONYM_KEY;
    try {
      // Passing undefined means "read the environment", which now has no key.
      expect(() => readPseudonymKey(undefined)).toThrow(/is not set/);
      expect(() => pseudonymize("ada@example.com")).toThrow(MissingPseudonymKeyError);
    } finally {
      if (saved !== undefined) process.env.ASSAY_PSEUDONYM_KEY = saved;
    }
  });
});
