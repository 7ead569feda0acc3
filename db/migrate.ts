import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

// Standalone on purpose: it runs before the app exists, with a single connection.
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_encoding: string }[]>`show server_encoding`;
    const encoding = row?.server_encoding;
    // Audit hashes are computed over UTF-8 text inside PostgreSQL.
    if (encoding !== "UTF8") throw new Error(`the database must use UTF8 encoding, not ${encoding}`);
    await migrate(drizzle(sql), { migrationsFolder: new URL("./migrations", import.meta.url).pathname });
    console.log("[assay] migrations applied");
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((err) => {
  console.error("[assay] migration failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
