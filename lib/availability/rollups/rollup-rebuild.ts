import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { addDays, isoDay, startOfUtcDay } from "@/lib/time";
import { rollupStatement } from "./rollup-sql";

/**
 * Recomputes the rollups of whole UTC days from the raw samples, for a change that alters
 * how past samples count (a maintenance window). Whole days, because the daily row is the
 * sum of all its hours. Callers first check that the raw samples are still retained.
 */
export async function rebuildRollups(tx: Transaction, serviceIds: string[] | "all", from: Date, to: Date): Promise<void> {
  const first = startOfUtcDay(from);
  const end = addDays(startOfUtcDay(to), 1);
  const services = serviceIds === "all" ? sql`true` : sql`service_id = ANY(${`{${serviceIds.join(",")}}`}::uuid[])`;
  await tx.execute(
    sql`DELETE FROM availability_hourly WHERE ${services} AND hour >= ${first.toISOString()}::timestamptz AND hour < ${end.toISOString()}::timestamptz`,
  );
  await tx.execute(sql`DELETE FROM availability_daily WHERE ${services} AND day >= ${isoDay(first)}::date AND day < ${isoDay(end)}::date`);
  await tx.execute(
    rollupStatement(sql`
      SELECT service_id, observed_at, status, latency_ms FROM availability_samples
       WHERE ${services} AND observed_at >= ${first.toISOString()}::timestamptz AND observed_at < ${end.toISOString()}::timestamptz`),
  );
}
