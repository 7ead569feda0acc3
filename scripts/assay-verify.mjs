#!/usr/bin/env node
// assay-verify <bundle.tar.gz | folder> [--checkpoint file.json]... [--json]
// Verifies an Assay audit evidence bundle offline: Node's standard library plus an RFC 8785
// library, nothing else. Exit code 0 when the bundle verifies, 1 when it does not, 2 on usage.
import fs from "node:fs/promises";
import { openBundle } from "./verifier/read-bundle.mjs";
import { verifyBundleDir } from "./verifier/verify-bundle.mjs";

async function main(argv) {
  const args = { input: null, checkpoints: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") args.json = true;
    else if (argv[i] === "--checkpoint") args.checkpoints.push(argv[++i]);
    else if (!args.input) args.input = argv[i];
    else return usage();
  }
  if (!args.input) return usage();
  const externalCheckpoints = [];
  for (const file of args.checkpoints) {
    const parsed = JSON.parse(await fs.readFile(file, "utf8"));
    externalCheckpoints.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  const bundle = await openBundle(args.input);
  try {
    const result = await verifyBundleDir(bundle.dir, {
      externalCheckpoints,
      onProgress: args.json ? undefined : (n) => process.stderr.write(`\r  ${n.toLocaleString("en")} events checked…`),
    });
    if (!args.json) process.stderr.write("\r");
    console.log(args.json ? JSON.stringify(result) : verdict(result));
    return result.ok ? 0 : 1;
  } finally {
    await bundle.cleanup();
  }
}

export function verdict(r) {
  if (!r.ok) return `FAIL ${r.failure.kind}${r.failure.seq === null ? "" : ` at sequence ${r.failure.seq}`}: ${r.failure.detail}`;
  const cp = r.lastCheckpoint
    ? `, checkpoint at ${r.lastCheckpoint.size} (${r.lastCheckpoint.source}) matched`
    : ", no checkpoint in range";
  return `OK ${r.events} events verified (sequence ${r.fromSeq}–${r.headSeq}), head ${r.headHash}${cp}; origin ${r.origin}, key ${r.keyId}`;
}

function usage() {
  console.error("usage: assay-verify <bundle.tar.gz | folder> [--checkpoint checkpoint.json]... [--json]");
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`assay-verify: ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  },
);
