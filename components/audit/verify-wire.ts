/** The NDJSON lines of POST /api/audit/verify, as the browser receives them. */
export type VerifyProgress = { checked: number; total: number; elapsedMs: number; rate: number };

export type VerifyFailure = { kind: string; seq: number | null; detail: string };

export type VerifyResult = {
  ok: boolean;
  checked: number;
  fromSeq: number;
  headSeq: number;
  headHash: string;
  lastCheckpoint: { size: number; source: string } | null;
  checkpointsChecked: number;
  failure: VerifyFailure | null;
  elapsedMs: number;
};

export type VerifyLine =
  ({ type: "progress" } & VerifyProgress) | { type: "result"; result: VerifyResult } | { type: "error"; message: string };

/** Splits a byte stream into parsed JSON lines as they arrive (a line may span chunks). */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<VerifyLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) yield JSON.parse(line) as VerifyLine;
        newline = buffer.indexOf("\n");
      }
      if (done) break;
    }
    if (buffer.trim()) yield JSON.parse(buffer) as VerifyLine;
  } finally {
    reader.releaseLock();
  }
}

/** A signed checkpoint as GET /api/audit/checkpoints/latest serves it (kept outside Assay). */
export type CheckpointFile = { origin: string; size: number; headHash: string; time: string; keyId: string; signature: string };

/** Reads a checkpoint file; a message for the person when it is not one. */
export function parseCheckpointFile(text: string): CheckpointFile | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "This file is not JSON. Choose a checkpoint downloaded from the Checkpoints tab.";
  }
  const cp = (Array.isArray(data) ? data[0] : data) as Partial<CheckpointFile> | undefined;
  const ok =
    cp &&
    typeof cp.origin === "string" &&
    Number.isInteger(cp.size) &&
    typeof cp.headHash === "string" &&
    /^[0-9a-f]{64}$/.test(cp.headHash) &&
    typeof cp.time === "string" &&
    typeof cp.keyId === "string" &&
    typeof cp.signature === "string";
  if (!ok) return "This JSON is not an Assay checkpoint (origin, size, headHash, time, keyId, signature).";
  const { origin, size, headHash, time, keyId, signature } = cp as CheckpointFile;
  return { origin, size, headHash, time, keyId, signature };
}
