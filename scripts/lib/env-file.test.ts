import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatEnvLine, mergeEnv, parseEnv } from "./env-file.mjs";
import { missingSecrets } from "./secrets.mjs";

describe("parseEnv", () => {
  it("reads the dotenv subset Next.js reads the same way", () => {
    const text = ["# comment", "A=1", "export B = two words # note", "C='lit\\n'", 'D="line1\\nline2"', "E=", "A=last wins"].join("\n");
    expect(parseEnv(text)).toEqual({ A: "last wins", B: "two words", C: "lit\\n", D: "line1\nline2", E: "" });
  });
});

describe("mergeEnv", () => {
  it("adds missing keys and never changes a value that is set", () => {
    const { text, added } = mergeEnv("AUTH_SECRET=mine\n", { AUTH_SECRET: "new", OTHER: "x" });
    expect(added).toEqual(["OTHER"]);
    expect(parseEnv(text)).toEqual({ AUTH_SECRET: "mine", OTHER: "x" });
  });

  it("fills an empty value in place instead of adding a duplicate", () => {
    const { text } = mergeEnv("# keep\nAUTH_SECRET=\nZ=1", { AUTH_SECRET: "s" });
    expect(text).toBe('# keep\nAUTH_SECRET="s"\nZ=1\n');
  });

  it("returns the text untouched when nothing is missing", () => {
    expect(mergeEnv("A=1", { A: "2" })).toEqual({ text: "A=1", added: [] });
  });

  it("round-trips a PEM key through one escaped line", () => {
    const pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
    expect(formatEnvLine("K", pem)).not.toContain("\n");
    expect(parseEnv(mergeEnv("", { K: pem }).text).K).toBe(pem);
  });

  it("refuses values that quoting or variable expansion would alter", () => {
    expect(() => formatEnvLine("K", 'a"b')).toThrow();
    expect(() => formatEnvLine("K", "$HOME")).toThrow();
  });
});

describe("missingSecrets", () => {
  it("generates every secret on a first run, with a matching Ed25519 pair", () => {
    const s = missingSecrets({});
    expect(Buffer.from(s.AUTH_SECRET ?? "", "base64")).toHaveLength(32);
    expect(Buffer.from(s.ASSAY_PSEUDONYM_KEY ?? "", "base64")).toHaveLength(32);
    expect(s.AUTH_TRUST_HOST).toBe("true");
    const signature = crypto.sign(null, Buffer.from("x"), s.ASSAY_AUDIT_SIGNING_KEY ?? "");
    expect(crypto.verify(null, Buffer.from("x"), s.ASSAY_AUDIT_PUBLIC_KEY ?? "", signature)).toBe(true);
  });

  it("derives a missing public key from the signing key that is set", () => {
    const { ASSAY_AUDIT_SIGNING_KEY, ASSAY_AUDIT_PUBLIC_KEY } = missingSecrets({});
    expect(missingSecrets({ ASSAY_AUDIT_SIGNING_KEY })).toMatchObject({ ASSAY_AUDIT_PUBLIC_KEY });
  });

  it("refuses a public key without its signing key rather than replacing it", () => {
    expect(() => missingSecrets({ ASSAY_AUDIT_PUBLIC_KEY: "pem" })).toThrow(/ASSAY_AUDIT_SIGNING_KEY/);
  });

  it("adds nothing when everything is set", () => {
    const all = missingSecrets({});
    expect(missingSecrets(all)).toEqual({});
  });
});
