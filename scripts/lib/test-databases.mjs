// Throwaway databases for `npm test`: "service" (migrated, not seeded: service tests make
// their own rows) and "e2e" (migrated and seeded: the browser tests sign in as the demo
// users). In an embedded server in a temp dir (fsync off, deleted at the end), or, when
// DATABASE_URL is set, as fresh databases in that server, dropped at the end.
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { root, tsxCommand } from "./bootstrap.mjs";
import { createDatabase, dropDatabase, startEmbeddedPostgres } from "./embedded-pg.mjs";
import { appRoleUrl } from "./app-role.mjs";
import { dropRole, uniqueDatabaseName } from "./pg-admin.mjs";
import { runChild } from "./processes.mjs";

/**
 * @param {{ serverUrl?: string, wanted: Set<string>, env: NodeJS.ProcessEnv, log: (m: string) => void }} options
 */
export function prepareTestDatabases({ serverUrl, wanted, env, log }) {
  const started = performance.now();
  /** @type {Awaited<ReturnType<typeof startEmbeddedPostgres>> | null} */
  let server = null;
  /** @type {string[]} */
  const created = [];
  /** @type {string[]} */
  const roles = [];

  // Migrate and seed output is kept unless it fails: this runs while lint prints.
  const tsx = async (script, url, what) => {
    const { code, output } = await runChild(...tsxCommand(script), { env: { ...env, DATABASE_URL: url }, cwd: root, capture: true });
    if (code !== 0) throw new Error(`${what} failed (exit code ${code}):\n${output.trimEnd()}`);
  };

  const fail = (err) => {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[assay] database setup failed: ${message}`);
    return message.split("\n")[0]?.replace(/:$/, "");
  };

  // A database that fails to set up blocks only the layers that use it.
  const ready = (async () => {
    /** @type {Record<string, string>} */
    const urls = {};
    /** @type {string[]} */
    const notes = [];
    let url = serverUrl;
    try {
      if (!url) {
        const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "assay-pg-"));
        server = await startEmbeddedPostgres({ dataDir, persistent: false, stopOnSignal: false, log });
        log(`PostgreSQL (embedded, throwaway) started in ${server.startMs} ms`);
        url = server.url;
      }
    } catch (err) {
      notes.push(`starting PostgreSQL: ${fail(err)}`);
    }
    for (const key of url ? ["service", "e2e"] : []) {
      if (!wanted.has(key)) continue;
      try {
        const name = uniqueDatabaseName("assay_test", key);
        const dbUrl = await createDatabase(/** @type {string} */ (url), name);
        created.push(name);
        await tsx("db/migrate.ts", dbUrl, `migrating the ${key} database`);
        if (key === "e2e") {
          await tsx("db/seed.ts", dbUrl, "seeding the e2e database");
          // The browser tests' server runs as the restricted app role, as the demo does.
          roles.push(`${name}_app`);
          urls[key] = await appRoleUrl(dbUrl, `${name}_app`, env);
        } else {
          urls[key] = dbUrl;
        }
      } catch (err) {
        notes.push(fail(err) ?? key);
      }
    }
    const ms = performance.now() - started;
    if (notes.length === 0) log(`test databases ready in ${(ms / 1000).toFixed(1)} s (${Object.keys(urls).join(", ")})`);
    return { ok: notes.length === 0, urls, ms, note: notes.join("; ") || undefined };
  })();

  return {
    ready,
    /** Stops the embedded server (deleting its data), or drops the databases created in DATABASE_URL's server. */
    async cleanup() {
      await ready;
      if (server) {
        await server.stop();
      } else if (serverUrl) {
        for (const name of created) await dropDatabase(serverUrl, name).catch((err) => log(`could not drop ${name}: ${err.message}`));
        for (const role of roles) await dropRole(serverUrl, role).catch((err) => log(`could not drop role ${role}: ${err.message}`));
      }
    },
  };
}
