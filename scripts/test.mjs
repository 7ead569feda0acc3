// `npm test`: every test layer, in order, each a child process with live output:
//   lint → typecheck → unit → service → build → e2e
// against throwaway databases (an embedded PostgreSQL in a temp dir, or fresh databases in
// the server DATABASE_URL points at), with throwaway secrets passed only in the children's
// environment. The database is prepared in the background while lint runs. Ends with one
// plain line, `N passed, N failed[, N skipped]`, summed over every layer: CI reads it.
// ASSAY_TEST_LAYERS=unit,service runs only those layers; ASSAY_TEST_FILES (vitest) and
// ASSAY_E2E_FILES (Playwright) filter the files of a layer, while working.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bin, ensureDependencies, log, root } from "./lib/bootstrap.mjs";
import { onSignals, liveChildren, runChild, stopChild } from "./lib/processes.mjs";
import { freePort } from "./lib/pg-admin.mjs";
import { prepareTestDatabases } from "./lib/test-databases.mjs";
import { missingSecrets } from "./lib/secrets.mjs";
import { checkCounts, formatTable, playwrightCounts, summaryLine, sumCounts, vitestCounts } from "./lib/test-counts.mjs";

const LAYERS = ["lint", "typecheck", "unit", "service", "build", "e2e"];
/** Which throwaway database a layer runs against. */
const DATABASE_OF = { service: "service", build: "e2e", e2e: "e2e" };
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const started = performance.now();
let interrupted = false;
/** @type {import("./lib/test-counts.mjs").LayerResult[]} */
const results = [];

onSignals((signal) => {
  interrupted = true;
  log(`${signal}: stopping the current layer… (again to force)`);
  // SIGINT lets Vitest and Playwright shut down their workers and web server themselves.
  for (const h of liveChildren) void stopChild(h, { signal: "SIGINT" });
});

function selectedLayers() {
  const raw = process.env.ASSAY_TEST_LAYERS?.trim();
  if (!raw) return LAYERS;
  const wanted = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((l) => !LAYERS.includes(l));
  if (unknown.length > 0) throw new Error(`unknown layer(s) in ASSAY_TEST_LAYERS: ${unknown.join(", ")} (known: ${LAYERS.join(", ")})`);
  return LAYERS.filter((l) => wanted.includes(l));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** ASSAY_TEST_FILES / ASSAY_E2E_FILES: space-separated file filters, to run only some tests of a layer while working. */
function only(variable) {
  return (process.env[variable] ?? "").split(/\s+/).filter(Boolean);
}

/** Layer runners: each resolves with the exit code and the counts. */
function runners(tmp, env) {
  const withDb = (url) => (url ? { ...env, DATABASE_URL: url } : env);
  const check = async (args, url) => {
    const { code } = await runChild("npm", ["run", ...args], { env: withDb(url), cwd: root });
    return { code, counts: checkCounts(code) };
  };
  const vitest = async (project, url) => {
    const out = path.join(tmp, `vitest-${project}.json`);
    const args = [
      "run",
      "--project",
      project,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
      ...only("ASSAY_TEST_FILES"),
    ];
    const { code } = await runChild(bin("vitest"), args, { env: withDb(url), cwd: root });
    return { code, counts: vitestCounts(readJson(out), code) };
  };
  const playwright = async (url) => {
    if (!fs.existsSync(CHROMIUM)) {
      return { code: 1, counts: checkCounts(1), note: `no browser at ${CHROMIUM}: apt-get install -y chromium` };
    }
    const out = path.join(tmp, "playwright.json");
    const port = process.env.E2E_PORT || String(await freePort());
    const { code } = await runChild(
      bin("playwright"),
      ["test", "--reporter=list,json", "--pass-with-no-tests", ...only("ASSAY_E2E_FILES")],
      {
        env: { ...withDb(url), E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_FILE: out },
        cwd: root,
      },
    );
    return { code, counts: playwrightCounts(readJson(out), code) };
  };
  return {
    lint: () => check(["lint"]),
    typecheck: () => check(["typecheck"]),
    unit: () => vitest("unit"),
    service: (url) => vitest("service", url),
    build: (url) => check(["build"], url),
    e2e: (url) => playwright(url),
  };
}

async function runLayers(layers, tmp, env, databases) {
  const run = runners(tmp, env);
  let databaseRow = false;
  for (const name of layers) {
    const skip = (note) => results.push({ name, status: "not run", counts: null, ms: null, note });
    if (interrupted) {
      skip("interrupted");
      continue;
    }
    let url;
    const dbKey = DATABASE_OF[name];
    if (dbKey) {
      const setup = await databases.ready;
      if (!databaseRow) {
        databaseRow = true;
        results.push({
          name: "database",
          status: setup.ok ? "passed" : "failed",
          counts: checkCounts(setup.ok ? 0 : 1),
          ms: setup.ms,
          note: setup.note,
        });
      }
      url = setup.urls[dbKey];
      if (!url) {
        skip(`${dbKey} database setup failed`);
        continue;
      }
    }
    if (name === "e2e" && results.some((r) => r.name === "build" && r.status === "failed")) {
      skip("build failed");
      continue;
    }
    console.log(`\n[assay] ── ${name}`);
    const t = performance.now();
    const { counts, note } = await run[name](url);
    const total = counts.passed + counts.failed + counts.skipped;
    results.push({
      name,
      status: counts.failed > 0 ? "failed" : "passed",
      counts,
      ms: performance.now() - t,
      note: note ?? (interrupted ? "interrupted" : total === 0 ? "no tests found" : undefined),
    });
  }
}

async function main() {
  const layers = selectedLayers();
  await ensureDependencies();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "assay-test-"));
  // Throwaway secrets; DATABASE_URL is given only to the layers that use a database.
  const { DATABASE_URL: serverUrl, ...inherited } = process.env;
  const env = { ...inherited, ...missingSecrets({}), NEXT_TELEMETRY_DISABLED: "1" };
  const wanted = new Set(layers.flatMap((l) => (DATABASE_OF[l] ? [DATABASE_OF[l]] : [])));
  const databases = wanted.size > 0 ? prepareTestDatabases({ serverUrl, wanted, env, log }) : null;
  try {
    await runLayers(layers, tmp, env, databases);
  } finally {
    await databases?.cleanup();
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

function finish(errorMessage) {
  if (errorMessage) {
    console.error(`[assay] ${errorMessage}`);
    results.push({ name: "setup", status: "failed", counts: checkCounts(1), ms: null, note: errorMessage.split("\n")[0] });
  }
  const total = sumCounts(results.flatMap((r) => (r.counts ? [r.counts] : [])));
  console.log(`\n[assay] summary\n${formatTable(results, performance.now() - started)}`);
  // Nothing may be printed after this line.
  console.log(summaryLine(total));
  const code = interrupted ? 130 : total.failed > 0 ? 1 : 0;
  process.exitCode = code;
  // A stray handle must not keep CI waiting.
  setTimeout(() => process.exit(code), 2_000).unref();
}

main().then(
  () => finish(),
  (err) => finish(err instanceof Error ? err.message : String(err)),
);
