// Connection URLs and database creation for a running server (embedded or DATABASE_URL).
// `postgres` (postgres.js, an app dependency) is imported lazily: callers load this module
// before `npm ci` may have run.
import net from "node:net";

const SUPERUSER = "postgres";

/**
 * postmaster.pid: line 1 is the postmaster's pid, line 2 the data dir, line 4 the port.
 * @param {string} text
 */
export function parsePostmasterPid(text) {
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  return { pid: pid > 0 ? pid : null, dataDir: lines[1] ?? "", port: port > 0 ? port : null };
}

/** @param {{ password: string, port: number, database?: string }} p */
export function serverUrl({ password, port, database = "postgres" }) {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The same server, another database; keeps credentials and query parameters (sslmode…).
 * @param {string} url @param {string} database
 */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** A unique, valid database name: `<prefix>_<time>_<random>_<suffix>`. */
export function uniqueDatabaseName(prefix, suffix) {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}_${Date.now().toString(36)}_${random}_${suffix}`.toLowerCase();
}

async function withAdmin(url, fn) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function checkName(name) {
  // Quoted below, but names come from our own code: refuse anything unusual outright.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name: ${name}`);
}

/**
 * CREATE DATABASE in the server `url` points at; returns the new database's URL.
 * @param {string} url @param {string} name
 */
export async function createDatabase(url, name) {
  checkName(name);
  await withAdmin(url, (sql) => sql.unsafe(`CREATE DATABASE "${name}"`));
  return withDatabase(url, name);
}

/**
 * CREATE DATABASE unless it exists (the demo's database on a reused cluster); returns its URL.
 * @param {string} url @param {string} name
 */
export async function ensureDatabase(url, name) {
  checkName(name);
  await withAdmin(url, async (sql) => {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`CREATE DATABASE "${name}"`);
  });
  return withDatabase(url, name);
}

/**
 * DROP DATABASE … WITH (FORCE) (PostgreSQL 13+): closes leftover connections first.
 * @param {string} url @param {string} name
 */
export async function dropDatabase(url, name) {
  checkName(name);
  await withAdmin(url, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * DROP ROLE, once the databases it had privileges in are gone (roles are cluster-wide).
 * @param {string} url @param {string} role
 */
export async function dropRole(url, role) {
  checkName(role);
  await withAdmin(url, (sql) => sql.unsafe(`DROP ROLE IF EXISTS "${role}"`));
}
