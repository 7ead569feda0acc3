import { eq, inArray, like } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { auditChecklistItems, controlEvidence, controls, controlTestOccurrences, userRoles, users } from "../schema";
import type { RequestContext } from "@/lib/context";
import { isRole } from "@/lib/auth/permissions";
import { createControl, createPeriod, generatePeriodSchedule } from "@/lib/controls/catalog-service";
import { updateChecklistItem } from "@/lib/controls/checklist-service";
import { linkChecklistEvidence, uploadEvidence } from "@/lib/controls/evidence-service";
import { addMonthsTo, monthRange, previousDay } from "@/lib/controls/schedule";
import type { CreateControlInput } from "@/lib/controls/schemas";
import { recordTestResult, updateRemediation } from "@/lib/controls/test-service";
import { todayUtc } from "@/lib/controls/today";

/**
 * Demo controls: the nine controls of the catalog, a twelve-month observation period (ten
 * months back, this month and the next) with its generated schedule, a history of results
 * (mostly passes; a failed access review that was remediated, a partial bias test with open
 * remediation, a corrected record, some weekly checks never performed) with evidence, and
 * the audit-preparation checklist under way. Through the audited services, each step as the
 * person who would do it. Deterministic in shape, dated relative to the day it runs;
 * idempotent: skipped once AI.3 exists.
 */
type Who = "security_lead" | "ops" | "ml_engineer" | "ml_lead" | "data_scientist" | "qa_lead" | "compliance_officer";
type Seeded = Omit<CreateControlInput, "ownerId"> & { owner: Who };

const CONTROLS: Seeded[] = [
  {
    code: "CC6.1",
    name: "User Access Provisioning",
    category: "Logical access",
    frequency: "monthly",
    dueDay: 10,
    aiRelevance: "supporting",
    owner: "security_lead",
    criteria: ["CC6"],
    description: "Access to production, model registries and training data is granted through approved tickets only.",
    testProcedure: "Sample new access grants of the month; match each to an approved ticket naming the role granted.",
  },
  {
    code: "CC6.2",
    name: "Access Review",
    category: "Logical access",
    frequency: "quarterly",
    dueDay: 15,
    aiRelevance: "supporting",
    owner: "security_lead",
    criteria: ["CC6", "CC5"],
    description: "Quarterly review of every account with access to production and model infrastructure.",
    testProcedure: "Export accounts and roles; the system owner signs off each; removals are ticketed and verified.",
  },
  {
    code: "CC6.3",
    name: "Privileged Access",
    category: "Logical access",
    frequency: "monthly",
    dueDay: 31,
    aiRelevance: "supporting",
    owner: "security_lead",
    criteria: ["CC6"],
    description: "Administrative and GPU-cluster root access is limited, MFA-protected and logged.",
    testProcedure: "List privileged accounts; confirm each has MFA and a current justification; review the privileged session log.",
  },
  {
    code: "CC8.1",
    name: "Change Management Process",
    category: "Change management",
    frequency: "annually",
    dueDay: 31,
    aiRelevance: "supporting",
    owner: "ml_lead",
    criteria: ["CC8", "CC3"],
    description: "Code, configuration and model changes are reviewed, tested and approved before release.",
    testProcedure: "Walk through the change process; sample releases and model promotions for review and approval evidence.",
  },
  {
    code: "CC7.1",
    name: "Security Monitoring",
    category: "System operations",
    frequency: "weekly",
    dueDay: 31,
    aiRelevance: "none",
    owner: "ops",
    criteria: ["CC7", "CC4"],
    description: "Security alerts are monitored, triaged and escalated.",
    testProcedure: "Review the week's alerts; confirm each was triaged within the SLA; screenshot the dashboard.",
  },
  {
    code: "CC7.2",
    name: "Model Performance Monitoring",
    category: "System operations",
    frequency: "monthly",
    dueDay: 28,
    aiRelevance: "direct",
    owner: "ml_engineer",
    criteria: ["CC7", "PI1"],
    description: "Production models are monitored for drift and degradation against thresholds.",
    testProcedure: "Review drift and accuracy dashboards for every production model; confirm breaches opened an incident.",
  },
  {
    code: "AI.1",
    name: "Model Governance",
    category: "AI governance",
    frequency: "quarterly",
    dueDay: 31,
    aiRelevance: "direct",
    owner: "ml_lead",
    criteria: ["CC8", "CC1"],
    description: "Models reach production only through approved promotion requests with complete model cards.",
    testProcedure: "Sample production promotions; confirm required approvals, passing gates and a complete model card.",
  },
  {
    code: "AI.2",
    name: "Training Data Security",
    category: "AI governance",
    frequency: "quarterly",
    dueDay: 31,
    aiRelevance: "direct",
    owner: "data_scientist",
    criteria: ["C1", "CC6", "P4"],
    description: "Training data is classified, access-controlled and its lineage recorded by hash.",
    testProcedure: "For each production model, trace the training-data hash to a classified, access-controlled dataset.",
  },
  {
    code: "AI.3",
    name: "Model Bias Testing",
    category: "AI governance",
    frequency: "quarterly",
    dueDay: 20,
    aiRelevance: "direct",
    owner: "qa_lead",
    criteria: ["PI1", "CC3", "P7"],
    description: "Production models are tested for bias across protected groups before release and each quarter.",
    testProcedure: "Run the fairness suite on the evaluation set; compare group metrics against the tolerance; attach the report.",
  },
];

const PNG_1x1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
);
const text = (s: string) => new TextEncoder().encode(s);

async function contexts(): Promise<Record<Who, RequestContext>> {
  const emails = ["security_lead", "ops", "ml_engineer", "ml_lead", "data_scientist", "qa_lead", "compliance_officer"].map(
    (r) => `${r}@assay.local`,
  );
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(inArray(users.email, emails));
  const out = {} as Record<Who, RequestContext>;
  for (const r of rows) {
    const who = r.email.split("@")[0] as Who;
    out[who] = {
      user: { id: r.id, email: r.email, name: r.name, roles: [r.role].filter(isRole), totpEnabled: false },
      sessionId: null,
      apiKey: null,
      ip: null,
      userAgent: "assay-seed",
    };
  }
  return out;
}

export async function seedControls(): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: controls.id }).from(controls).where(eq(controls.code, "AI.3"));
  if (existing) return { created: false };
  const as = await contexts();
  // One transaction: a seed that fails half-way leaves nothing behind to be skipped next time.
  await db.transaction((tx) => seedInto(tx, as));
  return { created: true };
}

async function seedInto(tx: Transaction, as: Record<Who, RequestContext>) {
  const today = todayUtc();
  const month = today.slice(0, 7);
  const startsOn = monthRange(addMonthsTo(month, -10)).start;
  const endsOn = monthRange(addMonthsTo(month, 1)).end;

  const ids = new Map<string, string>();
  for (const { owner, ...c } of CONTROLS) {
    const created = await createControl(tx, as.compliance_officer, { ...c, ownerId: as[owner].user!.id });
    ids.set(c.code, created.id);
  }
  const period = await createPeriod(tx, as.compliance_officer, {
    name: `Type II ${startsOn.slice(0, 7)} – ${endsOn.slice(0, 7)}`,
    startsOn,
    endsOn,
  });
  await generatePeriodSchedule(tx, as.compliance_officer, { periodId: period.id }, today);

  const occurrences = await tx
    .select({
      id: controlTestOccurrences.id,
      controlId: controlTestOccurrences.controlId,
      windowStart: controlTestOccurrences.windowStart,
      windowEnd: controlTestOccurrences.windowEnd,
      dueOn: controlTestOccurrences.dueOn,
    })
    .from(controlTestOccurrences)
    .where(eq(controlTestOccurrences.periodId, period.id))
    .orderBy(controlTestOccurrences.dueOn);
  const codeOf = new Map([...ids].map(([code, id]) => [id, code]));
  const count = new Map<string, number>();
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  for (const o of occurrences) {
    const code = codeOf.get(o.controlId)!;
    const seeded = CONTROLS.find((c) => c.code === code)!;
    const ctx = as[seeded.owner];
    const n = (count.get(code) ?? 0) + 1;
    count.set(code, n);
    const current = o.windowStart <= today && today <= o.windowEnd;
    // AI.3 passes in the current quarter, so the production gate holds in the demo.
    if (code === "AI.3" && current) {
      await record(tx, ctx, o.id, "pass", today > o.windowStart ? previousDay(today) : today, {
        evidence: { name: `bias-report-${today.slice(0, 7)}.md`, bytes: text(biasReport("pass")) },
      });
      continue;
    }
    // Past due and not among the deliberate gaps: recorded the day before it was due.
    const due = o.dueOn < daysAgo(2);
    const gap = (code === "CC7.1" && (n % 11 === 5 || o.dueOn >= daysAgo(14))) || (code === "CC6.3" && o.dueOn >= daysAgo(40));
    if (!due || gap) continue;
    const testedOn = o.dueOn > o.windowStart ? previousDay(o.dueOn) : o.dueOn;
    if (code === "CC6.2" && n === 2) {
      const r = await record(tx, ctx, o.id, "fail", testedOn, {
        findings: "Two leavers still had production access 12 days after their last day.",
        evidence: { name: "access-review-q2.csv", bytes: text(accessReviewCsv(2)) },
      });
      await updateRemediation(tx, ctx, {
        remediationId: r.remediationId!,
        status: "closed",
        closingNote: "Both accounts removed; the leaver workflow now revokes access on the last day (ticket SEC-412).",
      });
    } else if (code === "AI.3" && n === 3) {
      const r = await record(tx, ctx, o.id, "partial", testedOn, {
        findings: "False-negative rate for one age group is 1.8 points over tolerance.",
        evidence: { name: "bias-report-q3.md", bytes: text(biasReport("partial")) },
      });
      await updateRemediation(tx, ctx, { remediationId: r.remediationId!, status: "in_progress", closingNote: "" });
    } else if (code === "CC7.2" && n === 4) {
      const wrong = await record(tx, ctx, o.id, "fail", testedOn, { findings: "Drift dashboard showed no data for the fraud model." });
      await updateRemediation(tx, ctx, {
        remediationId: wrong.remediationId!,
        status: "closed",
        closingNote: "The staging dashboard had been reviewed by mistake; see the correction.",
      });
      await record(tx, ctx, o.id, "pass", testedOn, {
        supersedes: wrong.resultId,
        reason: "The first review looked at the staging dashboard; the production dashboard shows all models within thresholds.",
      });
    } else {
      const evidence =
        code === "CC7.1" && n % 4 === 0
          ? { name: `monitoring-dashboard-week-${n}.png`, bytes: PNG_1x1 }
          : code === "CC6.2"
            ? { name: `access-review-q${n}.csv`, bytes: text(accessReviewCsv(n)) }
            : undefined;
      await record(tx, ctx, o.id, "pass", testedOn, { evidence });
    }
  }

  // One piece of evidence dated before the period: the readiness view flags it.
  const ai1 = occurrences.find((o) => codeOf.get(o.controlId) === "AI.1")!;
  await uploadEvidence(
    tx,
    as.ml_lead,
    { name: "model-approval-records-last-year.pdf", bytes: text("%PDF-1.4\n% Assay demo: model approval records\n%%EOF\n") },
    {
      evidenceDate: previousDay(startsOn),
      description: "Approval records exported at the end of the previous period.",
      occurrenceId: ai1.id,
    },
    today,
  );
  await seedChecklist(tx, period.id, as);
}

async function record(
  tx: Transaction,
  ctx: RequestContext,
  occurrenceId: string,
  result: "pass" | "fail" | "partial",
  testedOn: string,
  opts: { findings?: string; evidence?: { name: string; bytes: Uint8Array }; supersedes?: string; reason?: string },
) {
  {
    const ev = opts.evidence
      ? await uploadEvidence(tx, ctx, opts.evidence, { evidenceDate: testedOn, description: "", occurrenceId }, testedOn)
      : null;
    const remediationDueOn = new Date(Date.parse(`${testedOn}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    return recordTestResult(tx, ctx, {
      occurrenceId,
      result,
      testerId: ctx.user!.id,
      testedOn,
      procedureFollowed: "As documented in the control's test procedure.",
      findings: opts.findings ?? (result === "pass" ? "No exceptions." : ""),
      evidenceIds: ev ? [ev.id] : [],
      remediationOwnerId: result === "pass" ? undefined : ctx.user!.id,
      remediationDueOn: result === "pass" ? undefined : remediationDueOn,
      remediationPlan: result === "pass" ? "" : "Fix the cause and re-test before the due date.",
      supersedesId: opts.supersedes,
      correctionReason: opts.reason ?? "",
    });
  }
}

async function seedChecklist(tx: Transaction, periodId: string, as: Record<Who, RequestContext>) {
  const items = await tx
    .select({ id: auditChecklistItems.id, category: auditChecklistItems.category, title: auditChecklistItems.title })
    .from(auditChecklistItems)
    .where(eq(auditChecklistItems.periodId, periodId));
  for (const item of items) {
    const owner: Who = item.title.startsWith("Model approval")
      ? "ml_lead"
      : item.title.startsWith("Training-data")
        ? "data_scientist"
        : item.title.startsWith("Bias")
          ? "qa_lead"
          : item.category === "procedures"
            ? "security_lead"
            : "compliance_officer";
    const status =
      item.category === "policies"
        ? "done"
        : item.category === "procedures" || item.title.startsWith("Bias")
          ? "in_progress"
          : "not_started";
    await updateChecklistItem(tx, as.compliance_officer, { itemId: item.id, status, ownerId: as[owner].user!.id });
    if (item.title.startsWith("Bias")) {
      for (const e of await tx
        .select({ id: controlEvidence.id })
        .from(controlEvidence)
        .where(like(controlEvidence.filename, "bias-report-%"))) {
        await linkChecklistEvidence(tx, as.qa_lead, { itemId: item.id, evidenceId: e.id });
      }
    }
  }
}

function accessReviewCsv(quarter: number): string {
  return [
    "account,role,system,reviewer,decision",
    `mei@assay.local,ml_engineer,model-registry,security_lead,keep`,
    `former-${quarter}@assay.local,ops,gpu-cluster,security_lead,${quarter === 2 ? "remove" : "keep"}`,
  ].join("\n");
}

function biasReport(result: "pass" | "partial"): string {
  return `# Bias testing report\n\nSuite: fairness-v3 · evaluation set eval-2026\n\n| group | FNR | tolerance |\n| --- | --- | --- |\n| 18–25 | ${result === "pass" ? "4.1" : "6.8"}% | 5.0% |\n| 26–64 | 3.9% | 5.0% |\n\nVerdict: ${result}.\n`;
}
