import type { Sql } from "postgres";
import { pseudonymize, readPseudonymKey } from "@/lib/privacy/pseudonym";

/**
 * `n` consent records over n/5 subjects, a year of history: mostly grants, some refusals,
 * withdrawals and expired grants, so the check exercises every reason. Inserted in
 * unnest() batches (the same rows the app writes, minus the audit events).
 */
export const PURPOSES = ["model_training", "evaluation", "analytics", "product_improvement", "marketing"];
export const subjectId = (i: number) => `bench-subject-${i}@people.example`;
const DAY = 86_400_000;
const BATCH = 20_000;

export async function seedConsents(sql: Sql, n: number, log: (k: number) => void): Promise<number> {
  const subjects = Math.max(1, Math.floor(n / 5));
  const key = readPseudonymKey();
  const now = Date.now();
  for (let start = 0; start < n; start += BATCH) {
    const cols = { p: [] as string[], st: [] as string[], pu: [] as string[], at: [] as string[], ex: [] as string[] };
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const s = i % subjects;
      const round = Math.floor(i / subjects); // 0..4: a subject's records, oldest first
      const recorded = now - (360 - round * 60 - (s % 50)) * DAY;
      const status = round === 4 && s % 10 === 0 ? "withdrawn" : s % 13 === 0 ? "refused" : "granted";
      const days = s % 17 === 0 ? 30 : 365; // some grants expire early
      cols.p.push(pseudonymize(subjectId(s), "subject", key));
      cols.st.push(status);
      cols.pu.push(`{${PURPOSES[(s + round) % 5]},${PURPOSES[(s + round + 2) % 5]}}`);
      cols.at.push(new Date(recorded).toISOString());
      cols.ex.push(new Date(status === "withdrawn" ? recorded : recorded + days * DAY).toISOString());
    }
    await sql`
      INSERT INTO consent_records (subject_pseudonym, consent_type, status, purposes, policy_version, source, recorded_at, expires_at)
      SELECT p, 'explicit', st, pu::text[], '2026-01', 'import', at::timestamptz, ex::timestamptz
        FROM unnest(${cols.p}::text[], ${cols.st}::text[], ${cols.pu}::text[], ${cols.at}::text[], ${cols.ex}::text[]) AS t(p, st, pu, at, ex)`;
    log(Math.min(n, start + BATCH));
  }
  // A table that grew over a year has been vacuumed along the way: without this, the
  // autovacuum a million fresh inserts trigger runs during the first measurements.
  await sql`VACUUM (ANALYZE) consent_records`;
  return subjects;
}
