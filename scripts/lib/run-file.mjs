// The demo's record of what it started, so that a run after the previous one was killed
// with SIGKILL (which no handler sees) can stop the app and worker it left behind: they
// would otherwise hold the port. (A leftover PostgreSQL is handled by pg-stale.mjs.)
// Kept in the temp dir, one file per project folder.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { commandLine, groupMembers, isAlive, processCwd, stopGroup } from "./processes.mjs";

/** @param {string} root */
export function runFilePath(root) {
  const id = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `assay-demo-${id}.json`);
}

/**
 * @param {string} file
 * @param {number[]} groups ids of the process groups this run leads (one per child)
 */
export function recordRun(file, groups) {
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, groups }));
}

/** @param {string} file */
export function clearRun(file) {
  fs.rmSync(file, { force: true });
}

/**
 * Refuses to run beside a live demo of the same project; stops what a dead one left.
 * A group is stopped only if a member still works in the project folder (all of ours
 * do), in case its id has been reused meanwhile.
 * @param {string} file @param {string} root @param {(msg: string) => void} log
 */
export async function stopLeftovers(file, root, log) {
  let run;
  try {
    run = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return;
  }
  if (isAlive(run.pid) && commandLine(run.pid).includes("demo.mjs")) {
    throw new Error(`the demo is already running (pid ${run.pid}): stop it first`);
  }
  const here = fs.realpathSync(root);
  for (const pgid of run.groups ?? []) {
    // The leader may be gone while what it started lives on (npm → node worker).
    const members = groupMembers(pgid).filter((pid) => processCwd(pid) === here);
    if (members.length > 0) {
      log(`stopping \`${commandLine(members[0] ?? pgid)}\` (group ${pgid}) left running by an earlier demo`);
      await stopGroup(pgid);
    }
  }
  clearRun(file);
}
