import { createHmac, hkdfSync } from "node:crypto";

/**
 * Subject identifiers never reach storage, logs or the audit trail in clear (DESIGN.md
 * invariant 5): they become a keyed HMAC-SHA256 under a key derived, per use, from
 * ASSAY_PSEUDONYM_KEY with HKDF. Separate domains give unrelated values for the same
 * person, so a value leaked from one use cannot be joined against another.
 */
export const PSEUDONYM_DOMAINS = {
  /** The lookup key stored with consent records and data-subject requests. */
  subject: "assay/pseudonym/subject/v1",
  /** A short reference shown on screens and in reports; not usable to look anything up. */
  display: "assay/pseudonym/display/v1",
} as const;
export type PseudonymDomain = keyof typeof PSEUDONYM_DOMAINS;

const MIN_KEY_BYTES = 32;

export class MissingPseudonymKeyError extends Error {
  constructor(detail: string) {
    super(`ASSAY_PSEUDONYM_KEY ${detail}: privacy features refuse to run without their key (npm run demo generates one).`);
    this.name = "MissingPseudonymKeyError";
  }
}

// Every consent check pseudonymizes: decoding the key and naming its derived keys once per
// key, not once per call, keeps that to the HMAC itself.
let decoded: { raw: string; key: Buffer } | null = null;

/** Decodes the key (base64, as the demo generates it); refuses a missing or short key. */
export function readPseudonymKey(raw = process.env.ASSAY_PSEUDONYM_KEY): Buffer {
  if (decoded && raw === decoded.raw) return decoded.key;
  if (!raw || raw.trim() === "") throw new MissingPseudonymKeyError("is not set");
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length < MIN_KEY_BYTES) throw new MissingPseudonymKeyError(`must be at least ${MIN_KEY_BYTES} bytes of base64`);
  decoded = { raw, key };
  return key;
}

const derived = new WeakMap<Buffer, Map<PseudonymDomain, Buffer>>();

function domainKey(master: Buffer, domain: PseudonymDomain): Buffer {
  let byDomain = derived.get(master);
  if (!byDomain) derived.set(master, (byDomain = new Map()));
  let key = byDomain.get(domain);
  if (!key) byDomain.set(domain, (key = Buffer.from(hkdfSync("sha256", master, "assay-pseudonym", PSEUDONYM_DOMAINS[domain], 32))));
  return key;
}

/** Identifiers are compared case- and space-insensitively: `Ada@x.io ` is `ada@x.io`. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.normalize("NFKC").trim().toLowerCase();
}

/** The 64-hex pseudonym of a subject identifier in one domain. */
export function pseudonymize(identifier: string, domain: PseudonymDomain = "subject", master = readPseudonymKey()): string {
  return createHmac("sha256", domainKey(master, domain)).update(normalizeIdentifier(identifier), "utf8").digest("hex");
}

/**
 * The on-screen reference of a stored subject pseudonym ("subj_1a2b3c4d5e"): derived in
 * the display domain from the pseudonym, so it names a row without exposing its key.
 */
export function displayRef(subjectPseudonym: string | null, master = readPseudonymKey()): string {
  if (!subjectPseudonym) return "erased";
  return `subj_${createHmac("sha256", domainKey(master, "display")).update(subjectPseudonym).digest("hex").slice(0, 10)}`;
}
