import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run `npm run demo`, or point it at a PostgreSQL database.");
  return url;
}

type Client = ReturnType<typeof createClient>;

function createClient() {
  const sql = postgres(databaseUrl(), {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Notices from our own triggers are not errors; keep the server log quiet.
    onnotice: () => {},
  });
  return { sql, db: drizzle(sql, { schema }) };
}

// One pool per process; the global survives Next's dev-mode module reloading.
const globalForDb = globalThis as unknown as { __assayDb?: Client };

function client(): Client {
  globalForDb.__assayDb ??= createClient();
  return globalForDb.__assayDb;
}

/** The one Drizzle client. Created lazily so that `next build` does not need a database. */
export const db = new Proxy({} as Client["db"], {
  get: (_target, prop) => Reflect.get(client().db, prop),
});

/** The underlying postgres.js pool, for streaming cursors and bulk statements Drizzle does not express. */
export function sqlClient(): Client["sql"] {
  return client().sql;
}

/**
 * A separate one-connection client for COPY streams, to be ended by the caller. postgres.js
 * can leave a connection's socket paused after `COPY … TO STDOUT` (porsager/postgres#499,
 * fix pending in PR #1016), hanging the next query on it; a throwaway connection keeps
 * that away from the shared pool.
 */
export function dedicatedClient(): Client["sql"] {
  return postgres(databaseUrl(), { max: 1, onnotice: () => {} });
}

export type Database = Client["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A plain client or an open transaction: reads accept either. */
export type Executor = Database | Transaction;

export async function closeDb(): Promise<void> {
  const c = globalForDb.__assayDb;
  globalForDb.__assayDb = undefined;
  await c?.sql.end({ timeout: 5 });
}
