import { describe, expect, it } from "vitest";
import { ndjsonLines, parseCheckpointFile } from "./verify-wire";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  return new ReadableStream({
    start(controller) {
      for (const b of bytes) controller.enqueue(b);
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>) {
  const out = [];
  for await (const line of ndjsonLines(body)) out.push(line);
  return out;
}

describe("ndjsonLines", () => {
  it("joins a line split across chunks, and a multi-byte character split across chunks", async () => {
    const full = '{"type":"error","message":"Vérification annulée"}\n';
    const bytes = new TextEncoder().encode(full);
    const cut = full.indexOf("é") + 1; // inside the two UTF-8 bytes of é
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    expect(await collect(body)).toEqual([{ type: "error", message: "Vérification annulée" }]);
  });

  it("yields every line of a chunk and a last line without a newline", async () => {
    const lines = await collect(
      streamOf([
        '{"type":"progress","checked":1,"total":2,"elapsedMs":1,"rate":1}\n{"type":"progress","checked":2,',
        '"total":2,"elapsedMs":2,"rate":1}\n{"type":"error","message":"x"}',
      ]),
    );
    expect(lines.map((l) => l.type)).toEqual(["progress", "progress", "error"]);
  });
});

describe("parseCheckpointFile", () => {
  const cp = { origin: "assay", size: 10, headHash: "a".repeat(64), time: "2026-11-26T00:00:00.000Z", keyId: "k", signature: "s" };

  it("accepts a checkpoint, or the first of a list, keeping only its fields", () => {
    expect(parseCheckpointFile(JSON.stringify({ ...cp, extra: 1 }))).toEqual(cp);
    expect(parseCheckpointFile(JSON.stringify([cp]))).toEqual(cp);
  });

  it("explains what is wrong with anything else", () => {
    expect(parseCheckpointFile("not json")).toMatch(/not JSON/);
    expect(parseCheckpointFile(JSON.stringify({ ...cp, headHash: "xyz" }))).toMatch(/not an Assay checkpoint/);
    expect(parseCheckpointFile(JSON.stringify({ ...cp, size: 1.5 }))).toMatch(/not an Assay checkpoint/);
  });
});
