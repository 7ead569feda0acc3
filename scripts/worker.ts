import { closeDb, db } from "@/db/client";
import { checkpointDue, checkpointHead } from "@/lib/audit/checkpoints";
import { checkpointInterval } from "@/lib/audit/signing-key";
import { pruneRawSamples, runDueProbes } from "@/lib/availability/service";
import { HOUR_MS } from "@/lib/time";

/**
 * Background jobs that must run without a visitor. Any number of workers may run at once:
 * - health probes of the AI services, every second claiming the services whose slot is due
 *   (FOR UPDATE SKIP LOCKED: no slot is probed twice, however many workers);
 * - a signed audit checkpoint within a second of the log crossing a multiple of
 *   ASSAY_CHECKPOINT_EVERY events (default 1,000), and every ASSAY_CHECKPOINT_MINUTES
 *   (default 10) when it has grown (unique per log size, so two workers signing at once
 *   store one);
 * - hourly, deleting raw availability samples past their retention (rollups are kept).
 */
const minutes = Math.max(1, Number(process.env.ASSAY_CHECKPOINT_MINUTES ?? 10) || 10);
const PROBE_TICK_MS = 1000;
const CHECKPOINT_TICK_MS = 1000;
const RETENTION_EVERY_MS = HOUR_MS;
let stopping = false;

function every(ms: number, name: string, job: () => Promise<void>) {
  return (async () => {
    while (!stopping) {
      try {
        await job();
      } catch (err) {
        console.error(`[assay worker] ${name} failed:`, err instanceof Error ? err.message : err);
      }
      await new Promise((resolve) => setTimeout(resolve, ms).unref());
    }
  })();
}

async function checkpoints() {
  if (await checkpointDue(minutes, checkpointInterval())) {
    const cp = await db.transaction((tx) => checkpointHead(tx));
    if (cp) console.log(`[assay worker] checkpoint signed at size ${cp.size}`);
  }
}

async function probes() {
  const round = await runDueProbes(db);
  for (const r of round.results) {
    if (r.result.status !== "healthy")
      console.log(`[assay worker] ${r.key}: ${r.result.status}${r.result.details.error ? ` (${String(r.result.details.error)})` : ""}`);
  }
}

async function retention() {
  const deleted = await pruneRawSamples(db);
  if (deleted > 0) console.log(`[assay worker] deleted ${deleted} raw samples past retention (rollups kept)`);
}

console.log(
  `[assay worker] started: health probes, audit checkpoints every ${checkpointInterval()} events or ${minutes} min when the log grows, hourly sample retention`,
);
void every(CHECKPOINT_TICK_MS, "checkpoint", checkpoints);
void every(PROBE_TICK_MS, "probes", probes);
void every(RETENTION_EVERY_MS, "retention", retention);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    void closeDb().finally(() => process.exit(0));
  });
}
