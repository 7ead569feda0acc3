import postgres from "postgres";

/**
 * Creates (or refreshes) the least-privileged role the app server connects as: full DML on
 * ordinary tables, but only SELECT and INSERT on audit events, so that even with the
 * append-only triggers dropped the app's own credentials cannot rewrite history.
 * Run with DATABASE_URL = an owner/superuser connection, after migrations.
 * Usage: tsx db/app-role.ts <role> <password>  → prints the app's connection URL.
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`invalid role name ${role}`);
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${role}`;
    const ident = sql(role);
    if (exists) await sql`ALTER ROLE ${ident} WITH LOGIN PASSWORD ${sql.unsafe(quoteLiteral(password))}`;
    else await sql`CREATE ROLE ${ident} WITH LOGIN PASSWORD ${sql.unsafe(quoteLiteral(password))}`;
    const [current] = await sql<{ db: string }[]>`SELECT current_database() AS db`;
    await sql`GRANT CONNECT ON DATABASE ${sql(current!.db)} TO ${ident}`;
    await sql`GRANT USAGE ON SCHEMA public TO ${ident}`;
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident}`;
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident}`;
    // The audit trail: append and read only. The head row moves forward by UPDATE (its
    // trigger refuses anything but a forward move).
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${ident}`;
    await sql`REVOKE DELETE, TRUNCATE ON audit_chain_head FROM ${ident}`;
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM ${ident}`;
    // Staged events (migration 0019): inserted by the writer, deleted one by one by the
    // chaining trigger, which runs as this role; never edited, never truncated under
    // other transactions' feet.
    await sql`REVOKE UPDATE, TRUNCATE ON audit_pending FROM ${ident}`;
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON control_test_results, control_result_evidence, control_evidence, evidence_blobs FROM ${ident}`; // write-once (migration protect_control_results)
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON availability_incident_updates FROM ${ident}`; // append-only (migration protect_availability)
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = password;
    return url.toString();
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [role = "assay_app", password = process.env.ASSAY_APP_DB_PASSWORD] = process.argv.slice(2);
  if (!password || !process.env.DATABASE_URL) {
    console.error("usage: DATABASE_URL=<owner url> tsx db/app-role.ts <role> <password>");
    process.exit(2);
  }
  ensureAppRole(process.env.DATABASE_URL, role, password)
    .then((url) => console.log(url))
    .catch((err) => {
      console.error("[assay] app role failed:", err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
