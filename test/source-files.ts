import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Finds server actions and route handlers by walking the source tree (Node 20 has no
 * fs.glob), so the permission matrix picks up every new file without being told about it.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SKIP = new Set(["node_modules", ".next", ".git", ".pgdata", "test-results", "playwright-report"]);

function walk(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // a top-level folder that does not exist yet (app/ before the UI lands)
  }
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

export type SourceFile = { file: string; relative: string; text: string };

function read(file: string): SourceFile {
  return { file, relative: path.relative(repoRoot, file), text: readFileSync(file, "utf8") };
}

/** `lib/**\/actions.ts` and `app/**\/actions.ts` whose first statement is "use server". */
export function serverActionFiles(): SourceFile[] {
  return ["lib", "app"]
    .flatMap((top) => walk(path.join(repoRoot, top)))
    .filter((f) => path.basename(f) === "actions.ts")
    .map(read)
    .filter((f) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(f.text))
    .sort((a, b) => a.relative.localeCompare(b.relative));
}

/** `app/**\/route.ts` (and .tsx/.js, which Next also accepts). */
export function routeFiles(): SourceFile[] {
  return walk(path.join(repoRoot, "app"))
    .filter((f) => /^route\.(ts|tsx|js|mjs)$/.test(path.basename(f)))
    .map(read)
    .sort((a, b) => a.relative.localeCompare(b.relative));
}

/** Names a module exports as values: `export const X`, `export async function X`, `export const { A, B } =`. */
export function exportedNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part.split(":").pop()!.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names].sort();
}

/** Exports assigned directly from a call to `fn(`: `export const X = fn(`. */
export function exportsDefinedWith(text: string, fn: string): string[] {
  const re = new RegExp(`^export\\s+const\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*${fn}\\(`, "gm");
  return [...text.matchAll(re)].map((m) => m[1]!).sort();
}

export function countCalls(text: string, fn: string): number {
  return [...text.matchAll(new RegExp(`\\b${fn}\\(`, "g"))].length;
}
