import postgres from "postgres";
import { benchSecrets, benchServer, type Figure, freshDatabase, percentile, report, SMALL, timed } from "./harness";

/**
 * npm run bench:governance — model governance's performance figures (docs/performance.md):
 * the approver's inbox and request page under 50 ms p95, and 20 concurrent approvers
 * deciding different requests under 100 ms p95 per decision, each beside a baseline from
 * the same run. The data is the scale (500 models, 10,000 versions, 50,000 past
 * requests) at both scales; BENCH_SCALE=small takes fewer samples and runs under a minute.
 */
const SCALE = { models: 500, pastRequests: 50_000 };

async function main() {
  benchSecrets();
  // The app's own pool (DATABASE_POOL_SIZE, default 10): the 20 approvers share it as 20
  // requests to one server would, so a decision's time includes any wait for a connection.
  // (A connection each, 24, measured slower on this 2-core machine: more backends contending
  // for the CPUs and for the audit chain's commit-time lock.)
  delete process.env.DATABASE_POOL_SIZE;
  const started = performance.now();
  const phase = (what: string) => console.log(`[${Math.round((performance.now() - started) / 1000)} s] ${what}`);
  const server = await benchServer();
  phase("server ready");
  const figures: Figure[] = [];
  try {
    process.env.DATABASE_URL = await freshDatabase(server.url, "bench_governance");
    phase("database migrated");
    const { sqlClient, closeDb } = await import("@/db/client");
    const { seedGovernance, seedBiasPass } = await import("./governance/seed");
    const seeded = await timed(() => seedGovernance(sqlClient(), SCALE));
    const people = seeded.result;
    await seedBiasPass(sqlClient(), people.byRole.qa_lead[0]!);
    const [counts] = await sqlClient()<{ versions: number; requests: number; open: number; decisions: number }[]>`
      SELECT (SELECT count(*)::int FROM model_versions) AS versions, (SELECT count(*)::int FROM promotion_requests) AS requests,
             (SELECT count(*)::int FROM promotion_requests WHERE status = 'open') AS open, (SELECT count(*)::int FROM promotion_decisions) AS decisions`;
    console.log(
      `seeded ${SCALE.models} models, ${counts!.versions} versions, ${counts!.requests} requests (${counts!.open} open), ${counts!.decisions} decisions in ${Math.round(seeded.ms)} ms`,
    );
    const scale = `${SCALE.models} models / ${counts!.versions} versions / ${counts!.requests - counts!.open} past requests`;

    const { benchDecisions, benchPlainUpdates, benchReads, figure } = await import("./governance/measure");
    figures.push(...(await benchReads(people, scale)));
    phase("reads measured");
    const batches = SMALL ? 2 : 10;
    const plain = await benchPlainUpdates(batches * 3);
    const base = percentile(plain, 95);
    for (const to of ["staging", "production"] as const) {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const { times, promoted } = await benchDecisions(people, to, batches);
      const used = process.cpuUsage(cpu);
      console.log(
        `  node cpu per decision ${((used.user + used.system) / 1000 / times.length).toFixed(2)} ms, wall per decision ${((performance.now() - wall) / times.length).toFixed(2)} ms`,
      );
      phase(`${to}: ${times.length} decisions by 20 concurrent approvers, ${promoted} promotions`);
      figures.push(
        figure(
          `governance.decision.${to}.p95`,
          times,
          base,
          100,
          `per decision, 20 concurrent approvers, ${times.length} decisions (last ones promote)`,
        ),
      );
    }
    // Context for the figure above: the same decisions one at a time, beside plain updates one at a time.
    const alone = await benchDecisions(people, "production", 1, { skip: batches * 20, sequential: true });
    const plainAlone = await benchPlainUpdates(3, true);
    figures.push(
      figure(
        "governance.decision.production.sequential.p95",
        alone.times,
        percentile(plainAlone, 95),
        100,
        "per decision, one approver at a time",
      ),
    );
    await closeDb();
    phase("closed");
  } finally {
    await dropDatabase(server.url, process.env.DATABASE_URL);
    phase("dropped");
    await server.stop();
  }
  phase("server stopped");
  report(`Model governance benchmark (${SMALL ? "small" : "full"} scale)`, figures);
}

/** On a shared server (BENCH_SERVER_URL) the run leaves nothing behind; an embedded one is thrown away whole. */
async function dropDatabase(serverUrl: string, url: string | undefined) {
  if (!process.env.BENCH_SERVER_URL || !url) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  try {
    // DROP DATABASE waits for every backend on the server to acknowledge it; one stuck in
    // another client's stalled COPY would hold it forever. Give up after a while instead.
    await admin`SET statement_timeout = '15s'`;
    await admin`DROP DATABASE IF EXISTS ${admin(name)} WITH (FORCE)`;
  } catch (err) {
    console.warn(`could not drop ${name} (${err instanceof Error ? err.message : err}); drop it by hand`);
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
