import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { dataSubjectRequests, processingActivities } from "@/db/schema";
import { recordAuditOnly } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { decideConsent } from "./consent-state";
import { listPurposes, subjectHistory } from "./history";
import { displayRef } from "./pseudonym";

/**
 * The access report of a data-subject request, assembled from what is stored for the
 * request's subject pseudonym: consent history, current state per purpose, the processing
 * activities that apply (purposes ever granted), their recipients and retention. It names
 * the subject only by display reference; the clear identifier was never stored.
 */
export type AccessReport = Awaited<ReturnType<typeof getAccessReport>>;

export async function getAccessReport(requestId: string, executor: Executor = db, now = new Date()) {
  const [request] = await executor.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, requestId));
  if (!request) throw new AppError("not_found", "No such request.");
  if (!request.subjectPseudonym) throw new AppError("conflict", "This request's subject has been erased: there is nothing left to report.");
  const history = await subjectHistory(executor, request.subjectPseudonym);
  const catalog = await listPurposes(executor);
  const everGranted = [...new Set(history.filter((r) => r.status === "granted").flatMap((r) => r.purposes))].sort();
  const activities =
    everGranted.length === 0
      ? []
      : await executor
          .select({
            name: processingActivities.name,
            purpose: processingActivities.purpose,
            dataCategories: processingActivities.dataCategories,
            legalBasis: processingActivities.legalBasis,
            retentionDays: processingActivities.retentionDays,
            recipients: processingActivities.recipients,
          })
          .from(processingActivities)
          .where(inArray(processingActivities.purpose, everGranted))
          .orderBy(processingActivities.name);
  const requests = await executor
    .select({
      id: dataSubjectRequests.id,
      type: dataSubjectRequests.type,
      status: dataSubjectRequests.status,
      receivedAt: dataSubjectRequests.receivedAt,
      dueAt: dataSubjectRequests.dueAt,
    })
    .from(dataSubjectRequests)
    .where(eq(dataSubjectRequests.subjectPseudonym, request.subjectPseudonym));
  return {
    format: "assay.access-report/v1",
    generatedAt: now.toISOString(),
    request: {
      id: request.id,
      type: request.type,
      status: request.status,
      receivedAt: request.receivedAt.toISOString(),
      dueAt: request.dueAt.toISOString(),
    },
    subject: displayRef(request.subjectPseudonym),
    consentHistory: history.map((r) => ({
      id: r.id,
      status: r.status,
      consentType: r.consentType,
      purposes: [...r.purposes],
      policyVersion: r.policyVersion,
      source: r.source,
      recordedAt: r.recordedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    })),
    currentConsent: catalog.map((p) => {
      const d = decideConsent(history, p.key, now);
      return { purpose: p.key, label: p.label, allowed: d.allowed, reason: d.reason };
    }),
    processingActivities: activities,
    thirdParties: [...new Set(activities.flatMap((a) => a.recipients))].sort(),
    retention: activities.map((a) => ({ activity: a.name, days: a.retentionDays })),
    requests: requests.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString(), dueAt: r.dueAt.toISOString() })),
  };
}

/** The report as a download: personal data leaves Assay, so the export is audited. */
export async function exportAccessReport(ctx: RequestContext, requestId: string) {
  const report = await getAccessReport(requestId);
  await recordAuditOnly(auditActor(ctx), {
    type: "data_export",
    action: "data_subject_request.report_exported",
    outcome: "success",
    resource: { type: "data_subject_request", id: requestId },
    metadata: { format: "json", consentRecords: report.consentHistory.length },
  });
  return report;
}
