import { generateKeyPairSync } from "node:crypto";
import { benchSecrets, benchServer, type Figure, freshDatabase, report, SMALL, timed } from "./harness";

/**
 * npm run bench:audit — the audit log's performance figures (docs/performance.md):
 * verification rate and memory, append throughput, browse latency. BENCH_SCALE=small runs
 * in under a minute; the full run seeds 1,000,000 events (5,000,000 for browse).
 */
const VERIFY_N = SMALL ? 50_000 : 1_000_000;
const BROWSE_N = SMALL ? 100_000 : 5_000_000;

async function main() {
  const keys = generateKeyPairSync("ed25519");
  process.env.ASSAY_AUDIT_SIGNING_KEY = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  process.env.ASSAY_AUDIT_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
  benchSecrets();
  process.env.DATABASE_POOL_SIZE = "16";

  const server = await benchServer();
  const figures: Figure[] = [];
  try {
    const verifyUrl = await freshDatabase(server.url, "bench_audit_verify");
    process.env.DATABASE_URL = verifyUrl;
    const { sqlClient, closeDb } = await import("@/db/client");
    const { seedChain } = await import("./audit/seed");
    const seeded = await timed(() => seedChain(sqlClient(), VERIFY_N, (k) => console.log(`  seeded ${k}`)));
    console.log(`seeded ${VERIFY_N} events in ${Math.round(seeded.ms)} ms`);
    const { benchVerify, benchVerifyMemory } = await import("./audit/verify");
    figures.push(...(await benchVerify(VERIFY_N)));
    figures.push(...benchVerifyMemory(VERIFY_N, verifyUrl));
    const { benchAppend } = await import("./audit/append");
    figures.push(...(await benchAppend()));
    await closeDb();

    process.env.DATABASE_URL = await freshDatabase(server.url, "bench_audit_browse");
    const browseSeed = await timed(() => seedChain(sqlClient(), BROWSE_N, (k) => console.log(`  seeded ${k}`)));
    console.log(`seeded ${BROWSE_N} events in ${Math.round(browseSeed.ms)} ms`);
    const { benchBrowse } = await import("./audit/browse");
    figures.push(...(await benchBrowse(BROWSE_N)));
    await closeDb();
  } finally {
    await server.stop();
  }
  report(`Audit log benchmark (${SMALL ? "small" : "full"} scale)`, figures);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
