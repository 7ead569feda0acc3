import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { sqlClient } from "@/db/client";
import { verifyChain } from "@/lib/audit/verify";
import { median, round, type Figure } from "../harness";

/** Full verification rate vs Node's in-memory SHA-256 rate over the same stored texts. */
export async function benchVerify(n: number): Promise<Figure[]> {
  const sql = sqlClient();
  const sample = Math.min(n, 200_000);
  const texts = await sql<{ seq: string; prev_hash: string; canonical: string }[]>`
    SELECT seq::text, prev_hash, canonical FROM audit_events e WHERE e.seq <= ${sample} ORDER BY e.seq`;
  const memRates: number[] = [];
  const verifyRates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (const r of texts) createHash("sha256").update(`assay.audit.v1\n${r.seq}\n${r.prev_hash}\n${r.canonical}`, "utf8").digest("hex");
    memRates.push(texts.length / ((performance.now() - t) / 1000));
    const result = await verifyChain({ storedCheckpoints: false });
    if (!result.ok) throw new Error(`the seeded chain does not verify: ${JSON.stringify(result.failure)}`);
    verifyRates.push(result.checked / (result.elapsedMs / 1000));
  }
  const mem = median(memRates);
  const rate = median(verifyRates);
  return [
    {
      metric: "audit.verify.rate",
      value: Math.round(rate),
      unit: "events/s",
      baseline: Math.round(mem),
      ratio: round(rate / mem),
      target: "ratio >= 0.3 of in-memory SHA-256 in Node",
      met: rate / mem >= 0.3,
    },
  ];
}

/** Peak RSS of a verification process at n events vs at n/10: verification must stream. */
export function benchVerifyMemory(n: number, url: string): Figure[] {
  const peak = (toSeq: number) => {
    const out = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/audit/verify-memory.ts", String(toSeq)], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    return JSON.parse(out.trim().split("\n").pop()!) as { maxRssMb: number };
  };
  const small = peak(Math.floor(n / 10));
  const large = peak(n);
  const ratio = large.maxRssMb / small.maxRssMb;
  return [
    {
      metric: "audit.verify.peak_memory",
      value: round(large.maxRssMb, 1),
      unit: "MB",
      baseline: round(small.maxRssMb, 1),
      ratio: round(ratio),
      target: `peak at ${n} <= 1.2x peak at ${Math.floor(n / 10)}`,
      met: ratio <= 1.2,
    },
  ];
}
