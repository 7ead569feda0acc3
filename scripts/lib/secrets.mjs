// The secrets the app reads from its environment, generated locally: by `npm run demo`
// into .env.local (first run), by `npm test` into its children's environment only.
import crypto from "node:crypto";

const SIGNING = "ASSAY_AUDIT_SIGNING_KEY";
const PUBLIC = "ASSAY_AUDIT_PUBLIC_KEY";

/** Names the app needs; `AUTH_TRUST_HOST` lets next-auth accept 127.0.0.1/localhost without AUTH_URL. */
export const SECRET_KEYS = ["AUTH_SECRET", SIGNING, PUBLIC, "ASSAY_PSEUDONYM_KEY", "AUTH_TRUST_HOST"];

function randomKey() {
  return crypto.randomBytes(32).toString("base64");
}

/** The audit key pair: Ed25519, private key as PKCS8 PEM, public key as SPKI PEM. */
function auditKeyPair() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  return {
    [SIGNING]: /** @type {string} */ (privateKey.export({ type: "pkcs8", format: "pem" })),
    [PUBLIC]: /** @type {string} */ (publicKey.export({ type: "spki", format: "pem" })),
  };
}

/**
 * Values for the secret keys that `existing` lacks. The two audit keys are a pair: a
 * missing public key is derived from the signing key; a public key without its signing
 * key cannot be completed and is an error (a new pair would silently replace it).
 * @param {Record<string, string | undefined>} existing
 * @returns {Record<string, string>}
 */
export function missingSecrets(existing) {
  /** @type {Record<string, string>} */
  const out = {};
  if (!existing.AUTH_SECRET) out.AUTH_SECRET = randomKey();
  if (!existing.ASSAY_PSEUDONYM_KEY) out.ASSAY_PSEUDONYM_KEY = randomKey();
  if (!existing.AUTH_TRUST_HOST) out.AUTH_TRUST_HOST = "true";
  const signing = existing[SIGNING];
  if (!signing && existing[PUBLIC]) {
    throw new Error(`${PUBLIC} is set but ${SIGNING} is not: set both, or remove ${PUBLIC} to generate a new pair`);
  }
  if (!signing) Object.assign(out, auditKeyPair());
  else if (!existing[PUBLIC]) {
    out[PUBLIC] = /** @type {string} */ (crypto.createPublicKey(signing).export({ type: "spki", format: "pem" }));
  }
  return out;
}
