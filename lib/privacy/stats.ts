import "server-only";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";

/**
 * Aggregates for the privacy overview and the DP export. The current state per subject and
 * purpose is the newest record naming that purpose (DISTINCT ON), as in consent-state.ts.
 */
export type PurposeStat = { purpose: string; granted: number; expiringSoon: number; subjects: number };

export async function purposeStats(executor: Executor = db, soonDays = 30): Promise<{ subjects: number; purposes: PurposeStat[] }> {
  const rows = await executor.execute<{ purpose: string; granted: string; expiring: string }>(sql`
    WITH latest AS (
      SELECT DISTINCT ON (c.subject_pseudonym, p.purpose) p.purpose, c.status, c.expires_at
        FROM consent_records c, unnest(c.purposes) AS p(purpose)
       ORDER BY c.subject_pseudonym, p.purpose, c.recorded_at DESC, c.id)
    SELECT pp.key AS purpose,
           count(l.*) FILTER (WHERE l.status = 'granted' AND l.expires_at > now()) AS granted,
           count(l.*) FILTER (WHERE l.status = 'granted' AND l.expires_at > now()
                                AND l.expires_at <= now() + make_interval(days => ${soonDays})) AS expiring
      FROM privacy_purposes pp LEFT JOIN latest l ON l.purpose = pp.key
     GROUP BY pp.key ORDER BY pp.key`);
  const [total] = await executor.execute<{ n: string }>(sql`SELECT count(DISTINCT subject_pseudonym) AS n FROM consent_records`);
  const subjects = Number(total?.n ?? 0);
  return {
    subjects,
    purposes: rows.map((r) => ({ purpose: r.purpose, granted: Number(r.granted), expiringSoon: Number(r.expiring), subjects })),
  };
}

export type MonthCount = { month: string; withdrawals: number; grants: number };

/** Withdrawals (and grants, for scale) per month over the last year, oldest first. */
export async function monthlyActivity(executor: Executor = db): Promise<MonthCount[]> {
  const rows = await executor.execute<{ month: string; withdrawals: string; grants: string }>(sql`
    SELECT to_char(m.month, 'YYYY-MM') AS month,
           count(c.id) FILTER (WHERE c.status = 'withdrawn') AS withdrawals,
           count(c.id) FILTER (WHERE c.status = 'granted') AS grants
      FROM generate_series(date_trunc('month', now()) - interval '11 months', date_trunc('month', now()), interval '1 month') AS m(month)
      LEFT JOIN consent_records c ON c.recorded_at >= m.month AND c.recorded_at < m.month + interval '1 month'
     GROUP BY m.month ORDER BY m.month`);
  return rows.map((r) => ({ month: r.month, withdrawals: Number(r.withdrawals), grants: Number(r.grants) }));
}

export async function openRequestCounts(executor: Executor = db): Promise<{ open: number; overdue: number }> {
  const [row] = await executor.execute<{ open: string; overdue: string }>(sql`
    SELECT count(*) FILTER (WHERE status IN ('open','in_progress')) AS open,
           count(*) FILTER (WHERE status IN ('open','in_progress') AND due_at < now()) AS overdue
      FROM data_subject_requests`);
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}
