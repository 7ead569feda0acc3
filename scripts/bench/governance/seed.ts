import type { Sql } from "postgres";

/**
 * The governance benchmark's data, written set-based in SQL (through the services it would
 * take most of the run): `models` models of 20 versions each, `pastRequests` closed
 * requests over a year with their decisions, and two open requests per model (staging →
 * production needing three roles, testing → staging needing two). The approvers are
 * 20 people per approver role, so 20 of them can decide different requests at once.
 */
export type Scale = { models: number; pastRequests: number };
export type BenchPeople = { requesters: string[]; byRole: Record<"ml_lead" | "qa_lead" | "security_lead" | "product_owner", string[]> };

const ROLES = ["ml_lead", "qa_lead", "security_lead", "product_owner"] as const;
const DIGEST = "'sha256:' || encode(sha256(convert_to(v.id::text, 'UTF8')), 'hex')";

export async function seedGovernance(sql: Sql, scale: Scale): Promise<BenchPeople> {
  const people = async (role: string, n: number) => {
    const rows = await sql<{ id: string }[]>`
      INSERT INTO users (email, name, password_hash)
      SELECT ${role} || '-' || g || '@bench.assay.local', 'Bench ' || ${role} || ' ' || g, 'not-a-password-hash'
        FROM generate_series(1, ${n}) g RETURNING id`;
    await sql`INSERT INTO user_roles (user_id, role) SELECT unnest(${sql.array(rows.map((r) => r.id))}::uuid[]), ${role}`;
    return rows.map((r) => r.id);
  };
  const requesters = await people("ml_engineer", 10);
  const byRole = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await people(role, 20)] as const)),
  ) as BenchPeople["byRole"];

  await sql`
    INSERT INTO models (key, name, owner, description)
    SELECT 'bench-model-' || lpad(g::text, 4, '0'), 'Bench model ' || g, 'Team ' || (g % 25), 'Benchmark model'
      FROM generate_series(1, ${scale.models}) g`;
  await sql`INSERT INTO model_metric_thresholds (model_id, metric, op, value) SELECT id, 'accuracy', 'gte', 0.5 FROM models`;
  // Per model: 0-9 retired, 10-15 deprecated, 16 production, 17 staging, 18 testing, 19 development.
  await sql`
    INSERT INTO model_versions (model_id, version, status, training_data_hash, artifact_uri, artifact_digest, intended_use, limitations, known_biases, risk_tier, created_at, status_changed_at)
    SELECT m.id, '1.' || n || '.0',
           CASE WHEN n < 10 THEN 'retired' WHEN n < 16 THEN 'deprecated' WHEN n = 16 THEN 'production' WHEN n = 17 THEN 'staging' WHEN n = 18 THEN 'testing' ELSE 'development' END,
           'sha256:' || encode(sha256(convert_to(m.id::text || n || 'data', 'UTF8')), 'hex'),
           's3://bench/' || m.key || '/' || n,
           'sha256:' || encode(sha256(convert_to(m.id::text || n, 'UTF8')), 'hex'),
           'Benchmark', 'None known', 'None found', 'low',
           now() - ((20 - n) * 15) * interval '1 day', now() - ((20 - n) * 10) * interval '1 day'
      FROM models m, generate_series(0, 19) n`;
  await sql`INSERT INTO model_version_metrics (version_id, name, value) SELECT id, name, 0.9 + random() * 0.05 FROM model_versions, unnest(array['accuracy', 'f1', 'auc']) name`;

  // A year of closed requests on the older versions, with their decisions.
  await sql`
    WITH v AS (SELECT id, model_id, row_number() OVER (ORDER BY model_id, version) AS rn FROM model_versions WHERE status IN ('retired', 'deprecated', 'production')),
         n AS (SELECT count(*) AS c FROM v)
    INSERT INTO promotion_requests (model_id, version_id, from_status, to_status, required_roles, artifact_digest, justification, requested_by, status, created_at, closed_at, closed_by, close_reason)
    SELECT v.model_id, v.id, 'staging', 'production', array['ml_lead', 'security_lead', 'product_owner'], ${sql.unsafe(DIGEST)}, 'Past request ' || g,
           (${sql.array(requesters)}::uuid[])[1 + g % 10],
           CASE WHEN g % 20 = 0 THEN 'cancelled' WHEN g % 7 = 0 THEN 'rejected' ELSE 'approved' END,
           now() - (g % 365) * interval '1 day' - interval '2 days', now() - (g % 365) * interval '1 day',
           (${sql.array(byRole.ml_lead)}::uuid[])[1 + g % 20], 'closed'
      FROM generate_series(1, ${scale.pastRequests}) g CROSS JOIN n JOIN v ON v.rn = 1 + g % n.c`;
  for (const [i, role] of (["ml_lead", "security_lead", "product_owner"] as const).entries()) {
    await sql`
      INSERT INTO promotion_decisions (request_id, decided_by, decision, role, comment, artifact_digest, created_at)
      SELECT r.id, (${sql.array(byRole[role])}::uuid[])[1 + (abs(hashtext(r.id::text)) % 20)],
             CASE WHEN r.status = 'rejected' AND ${i} = 0 THEN 'reject' ELSE 'approve' END, ${role},
             CASE WHEN r.status = 'rejected' AND ${i} = 0 THEN 'Below the bar' ELSE '' END, r.artifact_digest, r.closed_at - (2 - ${i}) * interval '1 hour'
        FROM promotion_requests r
       WHERE r.status = 'approved' OR (r.status = 'rejected' AND ${i} = 0)`;
  }

  // The open requests the inbox and the decisions work on.
  for (const [from, to, roles] of [
    ["staging", "production", ["ml_lead", "security_lead", "product_owner"]],
    ["testing", "staging", ["ml_lead", "qa_lead"]],
  ] as const) {
    await sql`
      INSERT INTO promotion_requests (model_id, version_id, from_status, to_status, required_roles, artifact_digest, justification, requested_by, created_at)
      SELECT v.model_id, v.id, ${from}, ${to}, ${sql.array([...roles])}::text[], v.artifact_digest, 'Ready for ' || ${to},
             (${sql.array(requesters)}::uuid[])[1 + (abs(hashtext(v.id::text)) % 10)], now() - (abs(hashtext(v.id::text)) % 72) * interval '1 hour'
        FROM model_versions v WHERE v.status = ${from}`;
  }
  await sql`ANALYZE`;
  return { requesters, byRole };
}

/**
 * A passing AI.3 Model Bias Testing result covering today, so that production approvals
 * pass every check (the controls module's gate reads these tables).
 */
export async function seedBiasPass(sql: Sql, ownerId: string) {
  const [control] = await sql<{ id: string }[]>`
    INSERT INTO controls (code, name, category, frequency, test_procedure, owner_id, ai_relevance)
    VALUES ('AI.3', 'Model Bias Testing', 'AI', 'quarterly', 'Benchmark fixture', ${ownerId}, 'direct') RETURNING id`;
  const [period] = await sql<
    { id: string }[]
  >`INSERT INTO audit_periods (name, starts_on, ends_on) VALUES ('Bench period', current_date - 30, current_date + 30) RETURNING id`;
  const [occurrence] = await sql<{ id: string }[]>`
    INSERT INTO control_test_occurrences (period_id, control_id, frequency, window_start, window_end, due_on)
    VALUES (${period!.id}, ${control!.id}, 'quarterly', current_date - 30, current_date + 30, current_date + 30) RETURNING id`;
  await sql`
    INSERT INTO control_test_results (occurrence_id, control_id, result, tester_id, tested_on, procedure_followed, recorded_by)
    VALUES (${occurrence!.id}, ${control!.id}, 'pass', ${ownerId}, current_date, 'Benchmark fixture', ${ownerId})`;
}
