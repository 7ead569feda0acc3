// `npm run demo`: the app with demo data, from a fresh clone, with nothing else installed.
// npm ci (when node_modules is missing) → PostgreSQL (embedded, data kept in .pgdata; or
// DATABASE_URL) → secrets in .env.local (first run) → migrate → seed → next build (when
// stale) → next start (+ `npm run worker` when package.json has it) → sign-in banner.
// Ctrl-C stops the app and the worker first, then the database.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureDependencies, log, root, tsxCommand } from "./lib/bootstrap.mjs";
import { buildStatus, markBuilt } from "./lib/build-check.mjs";
import { appRoleUrl } from "./lib/app-role.mjs";
import { DEMO_PASSWORD, DEMO_ROLES, demoEmail, EXTRA_DEMO_USERS } from "./lib/demo-users.mjs";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { mergeEnv, parseEnv } from "./lib/env-file.mjs";
import { liveChildren, onSignals, startChild, stopChild } from "./lib/processes.mjs";
import { clearRun, recordRun, runFilePath, stopLeftovers } from "./lib/run-file.mjs";
import { missingSecrets } from "./lib/secrets.mjs";

const ENV_FILE = path.join(root, ".env.local");
const ENV_HEADER = "# Local secrets for `npm run demo`, generated on its first run. Never commit this file.\n";
const PORT = Number(process.env.PORT || 3000);
const NEXT = path.join(root, "node_modules", "next", "dist", "bin", "next");
const RUN_FILE = runFilePath(root);
const started = performance.now();

/** @type {(() => Promise<void>)[]} */
const cleanups = [];
/** Process groups of the children, recorded for a run after this one is SIGKILLed. @type {number[]} */
const groups = [];
let stopping = /** @type {Promise<void> | null} */ (null);

function stopEverything(code) {
  stopping ??= (async () => {
    await Promise.all([...liveChildren].map((h) => stopChild(h)));
    clearRun(RUN_FILE);
    for (const fn of cleanups.reverse()) await fn().catch((err) => log(`cleanup failed: ${err.message}`));
    log("stopped");
    process.exit(code);
  })();
  return stopping;
}

onSignals(() => {
  log("stopping… (Ctrl-C again to force)");
  void stopEverything(130);
});

/** Completes .env.local with missing secrets; returns the environment for every child. */
function prepareEnv() {
  const text = fs.existsSync(ENV_FILE) ? fs.readFileSync(ENV_FILE, "utf8") : "";
  // The shell's variables win over the file, as in Next.js.
  const missing = missingSecrets({ ...parseEnv(text), ...process.env });
  let final = text;
  if (Object.keys(missing).length > 0) {
    const merged = mergeEnv(text || ENV_HEADER, missing);
    fs.writeFileSync(ENV_FILE, merged.text, { mode: 0o600 });
    log(`${text ? "added" : "generated"} ${merged.added.join(", ")} in .env.local`);
    final = merged.text;
  }
  return { ...parseEnv(final), ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
}

async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const server = net.createServer().once("error", () => reject(new Error(`port ${port} is in use: set PORT to another one`)));
    server.listen(port, "127.0.0.1", () => server.close(resolve));
  });
}

/** The database URL for the app: DATABASE_URL as given, or the embedded server's `assay` database. */
async function startDatabase(env) {
  if (env.DATABASE_URL) {
    log(`using DATABASE_URL (host ${new URL(env.DATABASE_URL).host}); no embedded PostgreSQL`);
    return env.DATABASE_URL;
  }
  log("starting PostgreSQL (embedded, data in .pgdata)…");
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(root, ".pgdata"),
    port: env.ASSAY_PG_PORT ? Number(env.ASSAY_PG_PORT) : undefined,
    persistent: true,
    stopOnSignal: false,
    log,
    onServerLog: (line) => /\b(FATAL|PANIC):/.test(line) && console.log(`[postgres] ${line}`),
  });
  cleanups.push(async () => {
    log("stopping PostgreSQL…");
    await pg.stop();
    log("PostgreSQL stopped");
  });
  log(`PostgreSQL ready in ${pg.startMs} ms on 127.0.0.1:${pg.port}${pg.initialised ? " (new cluster)" : ""}`);
  return ensureDatabase(pg.url, "assay");
}

/** Starts a child in the project folder and records its group. */
function start(command, args, env) {
  const handle = startChild(command, args, { env, cwd: root });
  if (handle.child.pid !== undefined) groups.push(handle.child.pid);
  recordRun(RUN_FILE, groups);
  return handle;
}

async function step(message, command, args, env) {
  log(message);
  const t = performance.now();
  const code = await start(command, args, env).exited;
  if (code !== 0) throw new Error(`${message.replace(/…$/, "")} failed with exit code ${code}`);
  return Math.round(performance.now() - t);
}

async function waitForHttp(url, exited) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error("the app exited during start-up");
    const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`warning: ${url} did not answer within 60 s`);
}

function printBanner(url, database) {
  const width = Math.max(...DEMO_ROLES.map((r) => r.length), ...EXTRA_DEMO_USERS.map((u) => u.label.length));
  console.log("");
  log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s: open ${url}`);
  log(`database: ${database}`);
  log(`demo sign-ins (every password: ${DEMO_PASSWORD})`);
  for (const role of DEMO_ROLES) console.log(`    ${role.padEnd(width)}  ${demoEmail(role)}`);
  for (const user of EXTRA_DEMO_USERS) console.log(`    ${user.label.padEnd(width)}  ${user.email}`);
  log("press Ctrl-C to stop the app, the worker and the database");
  console.log("");
}

async function main() {
  await ensureDependencies();
  await stopLeftovers(RUN_FILE, root, log);
  await assertPortFree(PORT);
  const env = prepareEnv();
  const databaseUrl = await startDatabase(env);
  // The worker probes the demo's simulated AI services on this server (lib/availability/scheduler.ts).
  const childEnv = { ...env, DATABASE_URL: databaseUrl, ASSAY_SELF_URL: env.ASSAY_SELF_URL || `http://127.0.0.1:${PORT}` };
  await step("applying migrations…", ...tsxCommand("db/migrate.ts"), childEnv);
  await step("seeding the demo organisation…", ...tsxCommand("db/seed.ts"), childEnv);
  if (!env.DATABASE_URL) {
    // Our own embedded database: the app and worker connect as the least-privileged role.
    // A DATABASE_URL you give is used as given (see README: db/app-role.ts).
    childEnv.DATABASE_URL = await appRoleUrl(databaseUrl, "assay_app", env);
    log("the app connects as role assay_app (no UPDATE/DELETE on audit events)");
  }

  const build = buildStatus(root);
  if (build.needed) {
    log(`building the app: ${build.reason}`);
    const ms = await step("running next build…", process.execPath, [NEXT, "build"], childEnv);
    markBuilt(root);
    log(`built in ${(ms / 1000).toFixed(1)} s`);
  } else {
    log(`skipping next build: ${build.reason}`);
  }

  log(`starting the app on http://127.0.0.1:${PORT}…`);
  const app = start(process.execPath, [NEXT, "start", "-H", "127.0.0.1", "-p", String(PORT)], childEnv);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const worker = pkg.scripts?.worker ? start("npm", ["run", "worker"], childEnv) : null;
  if (worker) log("starting the worker (npm run worker)…");

  const url = `http://127.0.0.1:${PORT}`;
  await waitForHttp(url, app.exited);
  // The embedded server's URL is local and handy for psql; a given DATABASE_URL stays unprinted.
  printBanner(url, env.DATABASE_URL ? "DATABASE_URL, as given" : databaseUrl);

  const [name, code] = await Promise.race([
    app.exited.then((c) => ["the app", c]),
    ...(worker ? [worker.exited.then((c) => ["the worker", c])] : []),
  ]);
  if (!stopping) {
    log(`${name} exited with code ${code}; stopping`);
    await stopEverything(code || 1);
  }
}

main().catch((err) => {
  if (stopping) return;
  console.error(`[assay] ${err instanceof Error ? err.message : err}`);
  void stopEverything(1);
});
