import { createHash } from "node:crypto";

/**
 * The chain formula (docs/audit-log-format.md). Event n's hash is
 *   hex(SHA-256(UTF-8("assay.audit.v1\n" + n + "\n" + hash(n-1) + "\n" + canonical(n))))
 * with hash(0) = 64 zeros. The same formula runs inside PostgreSQL for single appends
 * (append.ts), so both must stay byte-identical: the unit test pins a golden value.
 */
export const HASH_DOMAIN = "assay.audit.v1";
export const GENESIS_HASH = "0".repeat(64);

export function chainHash(seq: number, prevHash: string, canonical: string): string {
  return createHash("sha256").update(`${HASH_DOMAIN}\n${seq}\n${prevHash}\n${canonical}`, "utf8").digest("hex");
}
