import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical";

/**
 * A checkpoint states "log <origin> had <size> events, the last with hash <headHash>, at
 * <time>". The signed message (docs/audit-log-format.md) is
 *   UTF-8("assay.audit.checkpoint.v1\n" + RFC8785({"hash","origin","size","time","v":1}))
 * signed with Ed25519; `keyId` is the first 16 hex digits of SHA-256 over the public key's
 * DER (SPKI) bytes, so a verifier can tell which key to use.
 */
export const CHECKPOINT_DOMAIN = "assay.audit.checkpoint.v1";

export type CheckpointBody = { origin: string; size: number; headHash: string; time: string };
export type SignedCheckpoint = CheckpointBody & { keyId: string; signature: string };

export function checkpointMessage(body: CheckpointBody): string {
  return `${CHECKPOINT_DOMAIN}\n${canonicalJson({ v: 1, origin: body.origin, size: body.size, hash: body.headHash, time: body.time })}`;
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(checkpointMessage(body), "utf8"), privateKey).toString("base64");
  return { ...body, keyId: keyIdOf(createPublicKey(privateKey)), signature };
}

export function checkpointSignatureValid(cp: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointMessage(cp), "utf8"), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

/** PEM from an env file may have its newlines escaped as `\n`. */
export function pemFromEnv(value: string): string {
  return value.includes("\\n") ? value.replace(/\\n/g, "\n") : value;
}

export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pemFromEnv(pem));
}

export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pemFromEnv(pem));
}
