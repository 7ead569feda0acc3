import { generateKeyPairSync, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchSecrets, benchServer, type Figure, freshDatabase, median, percentile, report, round, SMALL, timed } from "./harness";

/**
 * npm run bench:controls — the controls module's figures (docs/performance.md, "## Controls"):
 * 1,000 controls over a twelve-month period; the pure schedule generator; the schedule
 * generated and persisted through the service verb (one transaction, audited); the
 * calendar's month query beside a plain indexed select of the same month, in the same run.
 * BENCH_SCALE=small uses 200 controls. BENCH_WRITE_DOCS=1 rewrites the section in
 * docs/performance.md and leaves the other sections as they are.
 */
const CONTROLS = SMALL ? 200 : 1000;
const PERIOD = { startsOn: "2026-01-01", endsOn: "2026-12-31" };
const FREQUENCIES = [
  "weekly",
  "monthly",
  "monthly",
  "monthly",
  "monthly",
  "monthly",
  "quarterly",
  "quarterly",
  "quarterly",
  "annually",
] as const;

const loadAtStart = os.loadavg()[0]!;

async function main() {
  const keys = generateKeyPairSync("ed25519");
  process.env.ASSAY_AUDIT_SIGNING_KEY = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  process.env.ASSAY_AUDIT_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
  benchSecrets();
  const server = await benchServer();
  const figures: Figure[] = [];
  try {
    process.env.DATABASE_URL = await freshDatabase(server.url, "bench_controls");
    const { db, sqlClient, closeDb } = await import("@/db/client");
    const { generateSchedule, generateSlots } = await import("@/lib/controls/schedule");
    const { createPeriod, generatePeriodSchedule } = await import("@/lib/controls/catalog-service");
    const { listOccurrences } = await import("@/lib/controls/calendar-queries");
    const { ANONYMOUS } = await import("@/lib/context");
    const sql = sqlClient();

    // The catalog: 20 owners, 1,000 controls with mixed frequencies and due days.
    const owners = await sql<
      { id: string }[]
    >`INSERT INTO users ${sql(Array.from({ length: 20 }, (_, i) => ({ email: `bench-owner-${i}@bench.local`, name: `Bench Owner ${i}`, password_hash: "x" })))} RETURNING id`;
    const owner = owners[0];
    const controls = Array.from({ length: CONTROLS }, (_, i) => ({
      id: randomUUID(),
      code: `B${String(i).padStart(4, "0")}.1`,
      frequency: FREQUENCIES[i % FREQUENCIES.length]!,
      dueDay: 1 + ((i * 7) % 31),
      ownerId: owners[i % owners.length]!.id,
    }));
    await sql`INSERT INTO controls ${sql(controls.map((c) => ({ id: c.id, code: c.code, name: `Bench control ${c.code}`, category: "Bench", frequency: c.frequency, due_day: c.dueDay, test_procedure: "Measure.", owner_id: c.ownerId })))}`;
    await sql`ANALYZE controls`;

    // 1. The pure generator, as the service calls it, and the same without sharing rules.
    const pure: number[] = [];
    const uncached: number[] = [];
    let slots = 0;
    for (let i = 0; i < 25; i++) {
      let t = performance.now();
      slots = generateSchedule(PERIOD, controls).reduce((n, c) => n + c.slots.length, 0);
      pure.push(performance.now() - t);
      t = performance.now();
      for (const c of controls) generateSlots(PERIOD, c);
      uncached.push(performance.now() - t);
    }
    figures.push({
      metric: "controls.schedule.generate_pure.median",
      value: round(median(pure.slice(5)), 2),
      unit: "ms",
      baseline: null,
      ratio: null,
      target: `<= 100 ms for ${CONTROLS} controls x 12 months (${slots} tests)`,
      met: median(pure.slice(5)) <= 100,
    });
    figures.push({
      metric: "controls.schedule.generate_pure_every_control.median",
      value: round(median(uncached.slice(5)), 2),
      unit: "ms",
      baseline: null,
      ratio: null,
      target: "reference: one generation per control, no rule sharing",
      met: true,
    });

    // 2. Generated and persisted through the verb: lock, read, plan, insert, audit, commit.
    // Each run is a fresh twelve-month period in its own year, so the calendar below reads one.
    const persisted: number[] = [];
    const regenerated: number[] = [];
    const runs = SMALL ? 3 : 7;
    for (let y = 0; y < runs; y++) {
      const startsOn = `${2026 + y}-01-01`;
      const endsOn = `${2026 + y}-12-31`;
      const period = await db.transaction((tx) => createPeriod(tx, ANONYMOUS, { name: `Bench ${startsOn}`, startsOn, endsOn }));
      const first = await timed(() => db.transaction((tx) => generatePeriodSchedule(tx, ANONYMOUS, { periodId: period.id }, startsOn)));
      persisted.push(first.ms);
      const again = await timed(() => db.transaction((tx) => generatePeriodSchedule(tx, ANONYMOUS, { periodId: period.id }, startsOn)));
      if (again.result.added !== 0) throw new Error("regeneration was not idempotent");
      regenerated.push(again.ms);
      console.log(
        `  period ${startsOn}: ${first.result.added} tests in ${Math.round(first.ms)} ms, regenerated in ${Math.round(again.ms)} ms`,
      );
    }
    figures.push({
      metric: "controls.schedule.generate_and_persist.median",
      value: round(median(persisted), 1),
      unit: "ms",
      baseline: null,
      ratio: null,
      target: `<= 1000 ms for ${CONTROLS} controls x 12 months`,
      met: median(persisted) <= 1000,
    });
    figures.push({
      metric: "controls.schedule.generate_and_persist.max",
      value: round(Math.max(...persisted), 1),
      unit: "ms",
      baseline: null,
      ratio: null,
      target: `reference: slowest of ${runs} runs`,
      met: true,
    });
    figures.push({
      metric: "controls.schedule.regenerate_unchanged.median",
      value: round(median(regenerated), 1),
      unit: "ms",
      baseline: null,
      ratio: null,
      target: "reference: idempotent run, nothing written but its audit event",
      met: true,
    });

    // Two thirds of 2026's tests recorded as passes, so the standing-result lookups do real work.
    await sql`INSERT INTO control_test_results (occurrence_id, control_id, result, tester_id, tested_on, procedure_followed, recorded_by)
              SELECT o.id, o.control_id, 'pass', ${owner!.id}, o.due_on, 'Measured.', ${owner!.id}
                FROM control_test_occurrences o WHERE o.due_on < '2026-09-01'`;
    await sql`ANALYZE`;

    // 3. The calendar's month query (the page's own code) beside a plain indexed select.
    const months = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`);
    const range = (m: string) => ({
      from: `${m}-01`,
      to: new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10),
    });
    const iterations = SMALL ? 60 : 240;
    const app: number[] = [];
    const plain: number[] = [];
    let rows = 0;
    for (let i = 0; i < iterations + 12; i++) {
      const r = range(months[(i * 5) % 12]!);
      let t = performance.now();
      await sql`SELECT id, control_id, due_on FROM control_test_occurrences WHERE due_on BETWEEN ${r.from} AND ${r.to}`;
      const p = performance.now() - t;
      t = performance.now();
      rows = (await listOccurrences({ from: r.from, to: r.to }, "2026-09-15")).length;
      const a = performance.now() - t;
      if (i >= 12) {
        plain.push(p);
        app.push(a);
      }
    }
    const p95 = percentile(app, 95);
    const base = percentile(plain, 95);
    figures.push({
      metric: "controls.calendar.month.p95",
      value: round(p95, 2),
      unit: "ms",
      baseline: round(base, 2),
      ratio: round(p95 / base, 2),
      target: `p95 <= 20 ms (about ${rows} tests a month)`,
      met: p95 <= 20,
    });
    const owned = await timedMany(iterations, (i) =>
      listOccurrences({ ...range(months[i % 12]!), ownerId: owner!.id, state: "overdue" }, "2026-09-15"),
    );
    figures.push({
      metric: "controls.calendar.month_owner_state.p95",
      value: round(percentile(owned, 95), 2),
      unit: "ms",
      baseline: round(base, 2),
      ratio: round(percentile(owned, 95) / base, 2),
      target: "p95 <= 20 ms with owner and state filters",
      met: percentile(owned, 95) <= 20,
    });
    await closeDb();
  } finally {
    await server.stop();
  }
  const title = `Controls benchmark (${SMALL ? "small" : "full"} scale)`;
  report(title, figures);
  if (process.env.BENCH_WRITE_DOCS === "1") writeDocs(figures);
}

async function timedMany(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t = performance.now();
    await fn(i);
    if (i >= 5) out.push(performance.now() - t);
  }
  return out;
}

/** Replaces the "## Controls" section of docs/performance.md (or appends it), keeping the rest. */
function writeDocs(figures: Figure[]) {
  const file = path.resolve("docs/performance.md");
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Performance\n";
  const table = [
    "| metric | value | baseline (same run) | target | met |",
    "| --- | --- | --- | --- | --- |",
    ...figures.map(
      (f) =>
        `| \`${f.metric}\` | ${f.value} ${f.unit} | ${f.baseline === null ? "—" : `${f.baseline} ${f.unit} (×${f.ratio})`} | ${f.target} | ${f.met ? "yes" : "**no**"} |`,
    ),
  ].join("\n");
  const load = `${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`;
  const section = `## Controls\n\n${CONTROLS_INTRO}\n\n${table}\n\n_Measured ${new Date().toISOString().slice(0, 10)} with \`${SMALL ? "BENCH_SCALE=small " : ""}npm run bench:controls\` on the shared 2-core machine (load average ${load}; other builds and test runs share it, so compare the ratios to the baseline taken in the same run)._\n`;
  const start = existing.search(/^## Controls\s*$/m);
  let next: string;
  if (start === -1) next = `${existing.trimEnd()}\n\n${section}`;
  else {
    const rest = existing.slice(start + 1);
    const end = rest.search(/^## /m);
    next = existing.slice(0, start) + section + (end === -1 ? "" : `\n${rest.slice(end)}`);
  }
  fs.writeFileSync(file, next);
  console.log(`wrote the Controls section of ${path.relative(process.cwd(), file)}`);
}

const CONTROLS_INTRO = `1,000 controls (10% weekly, 50% monthly, 30% quarterly, 10% annually, due days 1–31) over a
twelve-month period, on a throwaway embedded PostgreSQL. *generate_pure* is lib/controls/schedule.ts
alone (controls share a few dozen (frequency, due day) rules, each generated once); *generate_and_persist*
is the whole service verb \`generatePeriodSchedule\` in one transaction: period row lock, reading the
catalog and existing tests, planning, one INSERT … SELECT FROM json_to_recordset, the audit event,
commit. The calendar month query is the page's own \`listOccurrences\` (joins to control and owner,
each test's standing result — kept on the test row by a trigger, so no per-test lookup of its chain
of records — and its state), after two thirds of the year's tests were recorded; its baseline is a
plain select of the same month's rows by the due-date index.`;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
