import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
// A plain JS module shared with the demo and test runners.
import { createDatabase, startEmbeddedPostgres } from "../lib/embedded-pg.mjs";

/**
 * Shared by the benchmarks: a database of their own, scale, statistics and the one-line
 * JSON figures CI and docs/performance.md read. Targets are never asserted in tests; these
 * scripts measure, beside a baseline taken in the same run, on shared noisy machines.
 */
export type Figure = {
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  met: boolean;
};

export const SMALL = process.env.BENCH_SCALE === "small";

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

/** The secrets the app refuses to start without: fixed or random throwaways for a bench run. */
export function benchSecrets() {
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
  process.env.ASSAY_PSEUDONYM_KEY ??= randomBytes(32).toString("base64");
}

/** A PostgreSQL server for the run: BENCH_SERVER_URL's if set, else a throwaway embedded one. */
export async function benchServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_SERVER_URL) return { url: process.env.BENCH_SERVER_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `assay-bench-${process.pid}`), persistent: false });
  return { url: server.url as string, stop: () => server.stop() };
}

/** A fresh, migrated database in that server. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const url: string = await createDatabase(serverUrl, `${name}_${process.pid}`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: path.resolve("db/migrations") });
  await sql.end();
  return url;
}

export function report(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  for (const f of figures) {
    const base = f.baseline === null ? "" : `  baseline ${f.baseline} ${f.unit}  ratio ${f.ratio}`;
    console.log(`  ${f.met ? "met " : "MISS"}  ${f.metric}: ${f.value} ${f.unit}${base}  (target ${f.target})`);
  }
  for (const f of figures) console.log(JSON.stringify(f));
}
