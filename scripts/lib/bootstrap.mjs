// First steps shared by demo.mjs and test.mjs. Built-ins only: this runs before
// node_modules necessarily exists.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./processes.mjs";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** @param {string} message */
export function log(message) {
  console.log(`[assay] ${message}`);
}

/** A binary from node_modules/.bin, run directly (no npx: faster, and no registry lookups). */
export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

/**
 * `npm ci` when node_modules is missing. npm writes node_modules/.package-lock.json last,
 * so its absence also catches an install that was interrupted.
 */
export async function ensureDependencies() {
  if (fs.existsSync(path.join(root, "node_modules", ".package-lock.json"))) return;
  log("installing dependencies (npm ci)…");
  const { code } = await runChild("npm", ["ci"], { cwd: root });
  if (code !== 0) throw new Error(`npm ci failed with exit code ${code}`);
}

/**
 * Runs a TypeScript entry point (db/migrate.ts, db/seed.ts) with tsx. The seed goes
 * through the app's services, which `import "server-only"`: that package is an empty
 * module only under the react-server condition, as inside Next.js.
 * @param {string} script @returns {[string, string[]]} command and arguments
 */
export function tsxCommand(script) {
  return [bin("tsx"), ["--conditions=react-server", script]];
}
