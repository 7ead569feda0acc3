import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { evidenceBlobs } from "@/db/schema";

/**
 * Where evidence bytes live: one small interface, addressed by the file's SHA-256. The
 * default keeps them in PostgreSQL (so the embedded demo needs nothing else, and a file
 * commits or rolls back with its metadata and audit event); an object store would
 * implement the same two calls, ignoring the executor, and be named in `control_evidence.storage`.
 */
export interface EvidenceStorage {
  readonly name: string;
  /** Stores the bytes under their hash; storing the same bytes again is a no-op. */
  put(executor: Executor, sha256: string, bytes: Uint8Array): Promise<void>;
  get(executor: Executor, sha256: string): Promise<Uint8Array | null>;
}

export const postgresEvidenceStorage: EvidenceStorage = {
  name: "postgres",
  async put(executor, sha256, bytes) {
    await executor.insert(evidenceBlobs).values({ sha256, bytes }).onConflictDoNothing({ target: evidenceBlobs.sha256 });
  },
  async get(executor, sha256) {
    const [row] = await executor.select({ bytes: evidenceBlobs.bytes }).from(evidenceBlobs).where(eq(evidenceBlobs.sha256, sha256));
    return row ? new Uint8Array(row.bytes) : null;
  },
};

const STORES: Record<string, EvidenceStorage> = { [postgresEvidenceStorage.name]: postgresEvidenceStorage };

export function evidenceStorage(name = postgresEvidenceStorage.name): EvidenceStorage {
  const store = STORES[name];
  if (!store) throw new Error(`no evidence storage named ${name}`);
  return store;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
