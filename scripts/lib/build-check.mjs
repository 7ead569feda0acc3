// Does `npm run demo` need a fresh `next build`? A clean build takes 20–40 s here, a warm
// demo start a few seconds, so the demo builds only when:
// - there is no build, or
// - the build in .next was not made by the demo (`npm test` builds into the same folder
//   with its throwaway database and secrets; pages prerendered at build time could carry
//   its data), or
// - a source file changed after the demo's last build (mtime; cheap, and a false
//   positive only costs one build).
import fs from "node:fs";
import path from "node:path";

const MARKER = path.join(".next", "assay-demo-build");
// Not part of the app bundle (db/migrations is read by db/migrate.ts at run time);
// dot-folders (.git, .next, .pgdata…) are skipped as well.
const SKIP_DIRS = new Set([
  "node_modules",
  "migrations",
  "e2e",
  "test",
  "scripts",
  "docs",
  "test-results",
  "playwright-report",
  "coverage",
]);
const SKIP_FILES = /(\.test\.tsx?|\.tsbuildinfo|\.md)$/;

/** @returns {{ file: string, mtimeMs: number }} */
function newestSource(dir, best = { file: "", mtimeMs: 0 }) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") && entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newestSource(full, best);
    } else if (entry.isFile() && !SKIP_FILES.test(entry.name)) {
      const { mtimeMs } = fs.statSync(full);
      if (mtimeMs > best.mtimeMs) Object.assign(best, { file: full, mtimeMs });
    }
  }
  return best;
}

function read(file) {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

/** @param {string} root @returns {{ needed: boolean, reason: string }} */
export function buildStatus(root) {
  const buildId = read(path.join(root, ".next", "BUILD_ID"));
  if (!buildId) return { needed: true, reason: "there is no production build yet" };
  if (read(path.join(root, MARKER)) !== buildId) {
    return { needed: true, reason: "the build in .next was made by another command (npm test?)" };
  }
  const builtAt = fs.statSync(path.join(root, MARKER)).mtimeMs;
  const newest = newestSource(root);
  if (newest.mtimeMs > builtAt) {
    return { needed: true, reason: `${path.relative(root, newest.file)} changed since the last build` };
  }
  return { needed: false, reason: `build ${buildId} is up to date` };
}

/** Records that the build now in .next is the demo's. @param {string} root */
export function markBuilt(root) {
  const buildId = read(path.join(root, ".next", "BUILD_ID"));
  if (buildId) fs.writeFileSync(path.join(root, MARKER), `${buildId}\n`);
}
