import "server-only";
import { z } from "zod";
import { recordAuditOnly } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { EPSILON_MAX, EPSILON_MIN, noisyCount } from "./laplace";
import { purposeStats } from "./stats";

export const DpExportInput = z.object({
  epsilon: z.coerce
    .number({ error: "Enter epsilon as a number." })
    .min(EPSILON_MIN, `At least ${EPSILON_MIN}.`)
    .max(EPSILON_MAX, `At most ${EPSILON_MAX}.`),
});

/**
 * Consent counts for sharing outside the company, each with Laplace noise at the chosen ε.
 * Each released count spends ε: the total budget of one export is ε × the number of counts,
 * which the file states so a recipient is not misled. Exports are audited (data_export).
 */
export async function dpExport(ctx: RequestContext, raw: unknown) {
  const { epsilon } = parseInput(DpExportInput, raw);
  const stats = await purposeStats();
  const counts = stats.purposes.flatMap((p) => [
    { purpose: p.purpose, measure: "granted_subjects", value: noisyCount(p.granted, epsilon) },
    { purpose: p.purpose, measure: "expiring_within_30_days", value: noisyCount(p.expiringSoon, epsilon) },
  ]);
  const body = {
    format: "assay.dp-consent-counts/v1",
    generatedAt: new Date().toISOString(),
    mechanism: "laplace",
    sensitivity: 1,
    epsilonPerCount: epsilon,
    totalEpsilon: Number((epsilon * (counts.length + 1)).toFixed(6)),
    subjects: noisyCount(stats.subjects, epsilon),
    counts,
  };
  await recordAuditOnly(auditActor(ctx), {
    type: "data_export",
    action: "privacy.dp_exported",
    outcome: "success",
    resource: { type: "privacy_statistics", id: null },
    metadata: { epsilonPerCount: epsilon, counts: counts.length + 1 },
  });
  return body;
}
