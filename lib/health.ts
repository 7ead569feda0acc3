import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/** True when PostgreSQL answers a trivial query within the timeout. Never throws. */
export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db
    .execute(sql`select 1`)
    .then(() => true)
    .catch((err: unknown) => {
      console.error("[assay] health: database check failed", err instanceof Error ? err.message : err);
      return false;
    });
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
