import "server-only";
import { sqlClient } from "@/db/client";
import { AUDIT_PROJECTION } from "@/db/schema/audit-projection";

/**
 * Whether PostgreSQL itself guarantees that every query column of `table` equals what the
 * canonical text says: each is a stored generated column with exactly the expected rule.
 * Then a column cannot be edited (UPDATE of a generated column is refused) and a rule
 * cannot be dropped and restored (DROP EXPRESSION is one-way; PostgreSQL 17's SET
 * EXPRESSION recomputes every row). The rules are compared as PostgreSQL deparses them,
 * against a temporary reference table built from the same list, so the comparison is
 * exact on any server version. False → the verifier checks every row's columns itself.
 */
export async function projectionGuaranteed(table: string): Promise<boolean> {
  const sql = sqlClient();
  const columns = AUDIT_PROJECTION.map((c) => `${c.column} ${c.type} GENERATED ALWAYS AS (${c.expr}) STORED`).join(", ");
  return sql.begin(async (tx) => {
    await tx.unsafe(`CREATE TEMP TABLE assay_projection_reference (canonical text, ${columns}) ON COMMIT DROP`);
    const rows = await tx<{ relation: string; column: string; generated: string; expr: string | null }[]>`
      SELECT c.relname AS relation, a.attname AS column, a.attgenerated AS generated, pg_get_expr(d.adbin, d.adrelid) AS expr
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid IN (${table}::regclass, 'assay_projection_reference'::regclass)
         AND a.attnum > 0 AND NOT a.attisdropped`;
    const of = (relation: string) => new Map(rows.filter((r) => r.relation === relation).map((r) => [r.column, r]));
    const actual = of(table.split(".").pop()!);
    const expected = of("assay_projection_reference");
    return AUDIT_PROJECTION.every(({ column }) => {
      const a = actual.get(column);
      const e = expected.get(column);
      return a !== undefined && e !== undefined && a.generated === "s" && a.expr === e.expr;
    });
  });
}
