import { createHash, createPrivateKey, createPublicKey } from "node:crypto";

/**
 * Import this FIRST in a service test that signs or checks audit checkpoints: it sets
 * ASSAY_AUDIT_SIGNING_KEY / ASSAY_AUDIT_PUBLIC_KEY before lib/audit/signing-key.ts caches
 * them on first use. When `npm test` already passed a key pair, that one is kept.
 *
 * The fallback pair is derived from a fixed seed, not random per process: checkpoints are
 * stored in the shared test database and outlive the file that signed them, and a
 * whole-log verification checks every stored checkpoint, so every file (and every rerun
 * against the same database) must sign with the same key. A test fixture, not a secret.
 */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

if (!process.env.ASSAY_AUDIT_SIGNING_KEY || !process.env.ASSAY_AUDIT_PUBLIC_KEY) {
  const seed = createHash("sha256").update("assay service tests: audit checkpoint key").digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  process.env.ASSAY_AUDIT_SIGNING_KEY = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  process.env.ASSAY_AUDIT_PUBLIC_KEY = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
}
