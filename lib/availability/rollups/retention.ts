import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Deletes raw samples older than the retention setting, in bounded chunks so that no
 * statement holds locks for long. The rollups are never touched: figures and charts for
 * older periods keep working from them.
 */
export async function pruneRawSamples(db: Database, chunk = 20_000): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.execute<{ n: number }>(sql`
      WITH cutoff AS (SELECT now() - make_interval(days => raw_retention_days) AS at FROM availability_settings WHERE id = 1),
      gone AS (
        DELETE FROM availability_samples
         WHERE ctid IN (SELECT ctid FROM availability_samples, cutoff WHERE observed_at < cutoff.at LIMIT ${chunk})
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM gone`);
    const n = rows[0]?.n ?? 0;
    total += n;
    if (n < chunk) return total;
  }
}
