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
type Sql = postgres.Sql;

function createClient() {
  const sql = postgres(databaseUrl(), {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Notices from our own triggers are not errors; keep the server log quiet.
    onnotice: () => {},
  });
  const prepare = process.env.DATABASE_PREPARE !== "false";
  return { sql, db: drizzle(prepare ? preparing(sql) : sql, { schema }) };
}

/**
 * Drizzle hands postgres.js every query as an unnamed statement (prepare: false) unless it
 * is given a name, and postgres.js then spends two round trips on each query that has
 * parameters (Describe, to learn their types, then Bind and Execute), with PostgreSQL parsing
 * and planning it every time. This view of the pool asks for named statements instead:
 * postgres.js prepares each distinct query text once per connection, after which it takes
 * one round trip and PostgreSQL reuses the plan (choosing generic or per-value plans as
 * usual). Transactions and savepoints get the same view. DATABASE_PREPARE=false turns it
 * off, e.g. behind a connection pooler that cannot keep prepared statements.
 */
function preparing(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never, params?.length ? { ...options, prepare: true } : options);
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (inner: Sql) => unknown;
          return (Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown)(...args, (inner: Sql) => fn(preparing(inner)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
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
