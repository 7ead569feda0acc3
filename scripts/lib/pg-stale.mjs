// Recovery from a previous run that was killed (kill -9, closed terminal, crashed CI job).
//
// A killed postmaster leaves postmaster.pid behind, and on these machines it can stay a
// zombie for a while: `kill(pid, 0)` and `pg_ctl status` still report it running, and
// PostgreSQL refuses to start while the file names a "live" pid. Its backends may also
// outlive it for a moment, still attached to the data dir; starting a second server then
// would risk the data. So: a live postmaster from an earlier run is shut down, orphaned
// server processes (found by their working directory, which is the data dir) are waited
// for, then killed, and only then is the stale pid file removed.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { parsePostmasterPid } from "./pg-admin.mjs";
import { commandLine, isAlive, procInfo, processCwd, waitUntil } from "./processes.mjs";

/** Signals, escalating, until the pid is gone or a zombie. */
async function terminate(pid) {
  for (const [signal, ms] of /** @type {const} */ ([
    ["SIGINT", 20_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ])) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitUntil(() => !isAlive(pid), ms)) return;
  }
}

/** Live processes whose working directory is the data dir (Linux; elsewhere none are found). */
function dataDirUsers(dataDir) {
  if (process.platform !== "linux") return [];
  const real = fs.realpathSync(dataDir);
  const pids = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    if (processCwd(Number(name)) === real && isAlive(Number(name))) pids.push(Number(name));
  }
  return pids;
}

/**
 * @param {string} dataDir an initialised data directory
 * @param {(msg: string) => void} log
 */
export async function clearStaleServer(dataDir, log) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const text = await fsp.readFile(pidFile, "utf8").catch(() => null);
  if (text === null) return;
  const { pid } = parsePostmasterPid(text);
  const info = pid ? procInfo(pid) : null;
  const live = info !== null && info.state !== "Z" && (info.comm === "" || /^post/.test(info.comm));
  if (pid && live) {
    // Started by a node process that is still running (another demo or test run): not
    // ours to stop. Orphans are reparented to init or a subreaper, never to node.
    const owner = commandLine(info.ppid);
    if (/^\S*\bnode(\.exe)?\s/.test(owner)) {
      throw new Error(
        `PostgreSQL is already running on ${dataDir} (pid ${pid}), started by \`${owner}\` (pid ${info.ppid}): stop that first`,
      );
    }
    log(`stopping a PostgreSQL server left running by an earlier run (pid ${pid})`);
    await terminate(pid);
  }
  let orphans = dataDirUsers(dataDir);
  if (orphans.length > 0) {
    log(`waiting for ${orphans.length} orphaned PostgreSQL process(es) to exit`);
    if (!(await waitUntil(() => dataDirUsers(dataDir).length === 0, 10_000))) {
      orphans = dataDirUsers(dataDir);
      for (const p of orphans) process.kill(p, "SIGKILL");
      await waitUntil(() => dataDirUsers(dataDir).length === 0, 5_000);
    }
  }
  if (fs.existsSync(pidFile)) {
    log(`removing stale postmaster.pid (pid ${pid} ${info?.state === "Z" ? "is a zombie" : "is not running"})`);
    await fsp.rm(pidFile, { force: true });
  }
}
