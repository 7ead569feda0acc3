// Process plumbing for demo.mjs, test.mjs and the PostgreSQL helpers. Built-ins only:
// demo.mjs and test.mjs import this before `npm ci` may have run.
//
// Every child runs in its own process group (detached) and is stopped by signalling the
// whole group, because `npm run x` → sh → node chains do not reliably forward signals and
// would leave grandchildren (next-server, tsx) behind. The price: a terminal's Ctrl-C
// reaches only our process, so the scripts pass it on themselves (see onSignals).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

const isLinux = process.platform === "linux";
const canGroup = process.platform !== "win32";

/**
 * Parses /proc/<pid>/stat. The command name is in parentheses and may itself contain
 * spaces or parentheses, so fields are counted from the last ")".
 * @param {string} text
 * @returns {{ pid: number, comm: string, state: string, ppid: number, pgrp: number } | null}
 */
export function parseProcStat(text) {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).split(" ");
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: rest[0] ?? "?",
    ppid: Number(rest[1]),
    pgrp: Number(rest[2]),
  };
}

/** @param {number} pid */
export function procInfo(pid) {
  if (!isLinux) {
    try {
      process.kill(pid, 0);
      return { pid, comm: "", state: "R", ppid: 0, pgrp: 0 };
    } catch {
      return null;
    }
  }
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null;
  }
}

/** @param {number} pid @returns {string} the command line, "" when unknown */
export function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** @param {number} pid @returns {string | null} the working directory (Linux), null when unknown */
export function processCwd(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

/**
 * A zombie (state Z) is dead: it only waits to be reaped, and on these machines a
 * reparented postmaster can stay a zombie for a long time. kill(pid, 0) still succeeds
 * on it, which is why this reads the process state instead.
 * @param {number} pid
 */
export function isAlive(pid) {
  const info = procInfo(pid);
  return info !== null && info.state !== "Z";
}

/** Live (non-zombie) members of a process group. @param {number} pgid @returns {number[]} */
export function groupMembers(pgid) {
  if (!isLinux) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const members = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = procInfo(Number(name));
    if (info && info.pgrp === pgid && info.state !== "Z") members.push(info.pid);
  }
  return members;
}

/** Polls `done` every 100 ms; resolves true when it holds, false after `ms`. */
export async function waitUntil(done, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(canGroup ? -pid : pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** @type {Set<ReturnType<typeof startChild>>} */
export const liveChildren = new Set();

/**
 * Starts a command in its own process group.
 * capture: keep stdout+stderr in memory (printed by the caller only on failure);
 * otherwise the output goes straight to our terminal.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, capture?: boolean }} [options]
 */
export function startChild(command, args, { env = process.env, cwd, capture = false } = {}) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: canGroup,
    stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
  });
  let output = "";
  if (capture) {
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
  }
  /** @type {Promise<number>} exit code; 128+n when killed by signal n, 127 when it could not start */
  const exited = new Promise((resolve) => {
    child.on("error", (err) => {
      output += `${err.message}\n`;
      resolve(127);
    });
    child.on("close", (code, signal) => {
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
  const handle = { child, exited, output: () => output };
  liveChildren.add(handle);
  void exited.then(() => liveChildren.delete(handle));
  return handle;
}

/**
 * Signals a process group, waits until no live member is left, and escalates to SIGKILL
 * after `timeoutMs`. The leader counts until it exits (a zombie is not live).
 * @param {number} pgid @param {{ signal?: NodeJS.Signals, timeoutMs?: number }} [options]
 */
export async function stopGroup(pgid, { signal = "SIGTERM", timeoutMs = 10_000 } = {}) {
  signalGroup(pgid, signal);
  if (await waitUntil(() => groupMembers(pgid).length === 0, timeoutMs)) return;
  signalGroup(pgid, "SIGKILL");
  await waitUntil(() => groupMembers(pgid).length === 0, 5_000);
}

/**
 * Stops a child started by startChild, with everything it started in its group.
 * @param {{ child: import("node:child_process").ChildProcess, exited: Promise<number> }} handle
 * @param {{ signal?: NodeJS.Signals, timeoutMs?: number }} [options]
 */
export async function stopChild(handle, options) {
  if (handle.child.pid !== undefined) await stopGroup(handle.child.pid, options);
  return handle.exited;
}

/**
 * Runs to completion. Resolves with the exit code (never rejects) and the captured output.
 * @param {string} command @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, capture?: boolean }} [options]
 */
export async function runChild(command, args, options) {
  const handle = startChild(command, args, options);
  const code = await handle.exited;
  return { code, output: handle.output() };
}

/**
 * First SIGINT/SIGTERM/SIGHUP: calls `onFirst` (which stops children in order and cleans
 * up). Any further one: SIGKILL every child group at once, for a user who will not wait.
 * @param {(signal: NodeJS.Signals) => void} onFirst
 */
export function onSignals(onFirst) {
  let received = 0;
  /** @param {NodeJS.Signals} signal */
  const handler = (signal) => {
    received += 1;
    if (received === 1) onFirst(signal);
    else for (const h of liveChildren) if (h.child.pid !== undefined) signalGroup(h.child.pid, "SIGKILL");
  };
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) process.on(signal, handler);
}
