import "server-only";
import { recordAuditOnly } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";

/**
 * The controls module's domain verbs, by responsibility: the catalog, periods and schedules
 * (catalog-service), test results and remediation (test-service), evidence
 * (evidence-service) and the audit-preparation checklist (checklist-service).
 */
export { createControl, createPeriod, generatePeriodSchedule, updateControl } from "./catalog-service";
export { updateChecklistItem } from "./checklist-service";
export { linkChecklistEvidence, linkEvidence, readEvidence, storeUploadedEvidence, uploadEvidence } from "./evidence-service";
export { recordTestResult, updateRemediation } from "./test-service";

/** An export leaves the system: who took what is evidence too. */
export async function recordControlsExport(ctx: RequestContext, what: string, details: Record<string, unknown>) {
  await recordAuditOnly(auditActor(ctx), {
    type: "data_export",
    action: `controls.${what}_exported`,
    outcome: "success",
    resource: { type: "audit_period", id: (details.periodId as string) ?? null },
    metadata: details,
  });
}
