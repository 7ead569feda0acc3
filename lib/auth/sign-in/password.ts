import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id at OWASP's minimum (m=19 MiB, t=2, p=1). `algorithm: 2` is Argon2id: the
// package's enum is a `const enum`, which isolated modules cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same argon2 work as a real check, for unknown emails, so that the answer and
 * its timing do not reveal whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("assay-timing-equalizer");
  await verifyPassword(await dummyHash, password);
  return false;
}
