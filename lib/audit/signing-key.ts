import "server-only";
import type { KeyObject } from "node:crypto";
import { loadPrivateKey, loadPublicKey } from "./checkpoint-format";

/** The checkpoint key pair from the environment (the demo generates one on first run). */
let cached: { privateKey: KeyObject; publicKey: KeyObject; publicPem: string } | null | undefined;

export function signingKeys() {
  if (cached !== undefined) return cached;
  const priv = process.env.ASSAY_AUDIT_SIGNING_KEY;
  const pub = process.env.ASSAY_AUDIT_PUBLIC_KEY;
  if (!priv || !pub) {
    console.warn("[assay] ASSAY_AUDIT_SIGNING_KEY / ASSAY_AUDIT_PUBLIC_KEY are not set: audit checkpoints are not signed");
    cached = null;
    return cached;
  }
  const publicKey = loadPublicKey(pub);
  cached = { privateKey: loadPrivateKey(priv), publicKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
  return cached;
}

export function checkpointOrigin(): string {
  return process.env.ASSAY_AUDIT_ORIGIN ?? "assay";
}

/** Events between automatic checkpoints; the worker adds one every few minutes as well. */
export function checkpointInterval(): number {
  return Math.max(1, Number(process.env.ASSAY_CHECKPOINT_EVERY ?? 1000) || 1000);
}
