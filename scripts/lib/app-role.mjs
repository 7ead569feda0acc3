// The app server connects as a least-privileged role (db/app-role.ts): it may read and
// append audit events but never change or delete them. The demo's embedded database and
// the browser tests' database both use it, so the restriction is exercised for real.
import crypto from "node:crypto";
import { root, tsxCommand } from "./bootstrap.mjs";
import { runChild } from "./processes.mjs";

/**
 * Creates or refreshes `role` in the database `ownerUrl` names (after its migrations) with
 * a fresh random password, and returns the connection URL for the app.
 * @param {string} ownerUrl @param {string} role @param {NodeJS.ProcessEnv} env
 */
export async function appRoleUrl(ownerUrl, role, env) {
  const password = crypto.randomBytes(24).toString("base64url");
  const [command, args] = tsxCommand("db/app-role.ts");
  const { code, output } = await runChild(command, [...args, role, password], {
    env: { ...env, DATABASE_URL: ownerUrl },
    cwd: root,
    capture: true,
  });
  const url = output.trim().split("\n").pop() ?? "";
  if (code !== 0 || !url.startsWith("postgres"))
    throw new Error(`creating the app's database role failed (exit code ${code}):\n${output.trimEnd()}`);
  return url;
}
