import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * `assay_<prefix>_<secret>`: the prefix is public (shown in lists and logs, looked up by
 * index); the 256-bit secret is stored only as its SHA-256. A slow hash adds nothing for a
 * random secret of that size, and would make every API request pay for it.
 */
const PATTERN = /^assay_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { token: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { token: `assay_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const m = PATTERN.exec(token);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
