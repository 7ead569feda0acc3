import { closeDb, db } from "@/db/client";
import { checkpointDue, checkpointHead } from "@/lib/audit/checkpoints";

/**
 * Background jobs that must run without a visitor: today, a signed audit checkpoint every
 * ASSAY_CHECKPOINT_MINUTES (default 10) when the log has grown. Any number of workers may
 * run: a checkpoint is unique per log size, so two workers signing at once store one.
 */
const minutes = Math.max(1, Number(process.env.ASSAY_CHECKPOINT_MINUTES ?? 10) || 10);
const tickMs = Math.min(60_000, minutes * 60_000);
let stopping = false;

async function tick() {
  if (await checkpointDue(minutes)) {
    const cp = await db.transaction((tx) => checkpointHead(tx));
    if (cp) console.log(`[assay worker] checkpoint signed at size ${cp.size}`);
  }
}

async function main() {
  console.log(`[assay worker] started: audit checkpoints every ${minutes} min when the log grows`);
  while (!stopping) {
    try {
      await tick();
    } catch (err) {
      console.error("[assay worker] job failed:", err instanceof Error ? err.message : err);
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs).unref());
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    void closeDb().finally(() => process.exit(0));
  });
}

void main();
