// Reads an Assay evidence bundle (.tar.gz, .tar, or an extracted folder) into a folder of
// files, with Node's standard library only: the verifier must run where nothing else is
// installed. The tar reader handles what our exporter writes (ustar, regular files);
// anything else in the archive is refused rather than guessed at.
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createGunzip } from "node:zlib";

export async function openBundle(input) {
  const info = await fs.stat(input);
  if (info.isDirectory()) return { dir: input, cleanup: async () => {} };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "assay-verify-"));
  const source = createReadStream(input);
  const isGzip = (await firstBytes(input, 2)).equals(Buffer.from([0x1f, 0x8b]));
  await untar(isGzip ? source.pipe(createGunzip()) : source, dir);
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

async function firstBytes(file, n) {
  const handle = await fs.open(file, "r");
  try {
    const buf = Buffer.alloc(n);
    await handle.read(buf, 0, n, 0);
    return buf;
  } finally {
    await handle.close();
  }
}

/** Streams a tar archive into `dir`, flattening the bundle's single top folder. */
async function untar(stream, dir) {
  let buffer = Buffer.alloc(0);
  let current = null; // { out, remaining, padding }
  for await (const chunk of stream) {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (current) {
        const take = Math.min(current.remaining, buffer.length);
        if (take > 0 && !current.out.write(buffer.subarray(0, take))) await onceDrain(current.out);
        buffer = buffer.subarray(take);
        current.remaining -= take;
        if (current.remaining > 0) break;
        if (buffer.length < current.padding) break;
        buffer = buffer.subarray(current.padding);
        await new Promise((resolve, reject) => current.out.end((err) => (err ? reject(err) : resolve())));
        current = null;
        continue;
      }
      if (buffer.length < 512) break;
      const header = buffer.subarray(0, 512);
      buffer = buffer.subarray(512);
      if (header.every((b) => b === 0)) continue; // end-of-archive blocks
      const name = cString(header.subarray(0, 100));
      const prefix = cString(header.subarray(345, 500));
      const size = parseInt(cString(header.subarray(124, 136)).trim() || "0", 8);
      const type = String.fromCharCode(header[156] || 48);
      if (type !== "0" && type !== "\0") throw new Error(`unexpected tar entry type ${JSON.stringify(type)} for ${name}`);
      const base = path.basename(prefix ? `${prefix}/${name}` : name);
      if (!/^[A-Za-z0-9._-]+$/.test(base)) throw new Error(`unexpected file name in bundle: ${name}`);
      current = { out: createWriteStream(path.join(dir, base)), remaining: size, padding: (512 - (size % 512)) % 512 };
    }
  }
  if (current) throw new Error("the bundle is truncated");
}

function cString(buf) {
  const end = buf.indexOf(0);
  return buf.subarray(0, end === -1 ? buf.length : end).toString("utf8");
}

function onceDrain(stream) {
  return new Promise((resolve) => stream.once("drain", resolve));
}
