import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { consentRecords, processingActivities } from "../schema";
import { ANONYMOUS } from "@/lib/context";
import { importConsents } from "@/lib/privacy/import-service";
import { createActivity } from "@/lib/privacy/register-service";
import { createRequest } from "@/lib/privacy/request-service";
import type { CreateActivityInput, RequestType } from "@/lib/privacy/schemas";

/**
 * Demo privacy data: a processing register, a year of consent history for 60 subjects
 * (grants, refusals, withdrawals, some expiring soon) and a few data-subject requests.
 * Through the audited services (actor: system). Deterministic in shape, dated relative to
 * the day it runs so the overview has recent activity; idempotent: skipped once seeded.
 */
const ACTIVITIES: CreateActivityInput[] = [
  {
    name: "Assistant fine-tuning",
    purpose: "model_training",
    dataCategories: ["conversation text", "feedback labels"],
    legalBasis: "consent",
    retentionDays: 730,
    recipients: ["GPU Cloud Inc."],
  },
  {
    name: "Offline evaluation sets",
    purpose: "evaluation",
    dataCategories: ["conversation text"],
    legalBasis: "consent",
    retentionDays: 365,
    recipients: [],
  },
  {
    name: "Product analytics",
    purpose: "analytics",
    dataCategories: ["usage events", "locale"],
    legalBasis: "legitimate_interests",
    retentionDays: 395,
    recipients: ["Metrics SaaS Ltd."],
  },
  {
    name: "Bug triage",
    purpose: "product_improvement",
    dataCategories: ["error reports"],
    legalBasis: "legitimate_interests",
    retentionDays: 180,
    recipients: [],
  },
  {
    name: "Newsletter",
    purpose: "marketing",
    dataCategories: ["email address"],
    legalBasis: "consent",
    retentionDays: 730,
    recipients: ["Mailer Co."],
  },
];

const PURPOSE_SETS = [
  "model_training;evaluation",
  "analytics;product_improvement",
  "model_training;analytics",
  "marketing",
  "evaluation;product_improvement;analytics",
];
const DAY = 86_400_000;

function consentCsv(now: number): string {
  const lines = ["subject_id,consent_type,status,purposes,policy_version,recorded_at,expires_at"];
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  for (let i = 0; i < 60; i++) {
    const subject = `demo-subject-${String(i).padStart(3, "0")}@example.com`;
    const purposes = PURPOSE_SETS[i % PURPOSE_SETS.length]!;
    const granted = 20 + ((i * 37) % 340);
    // Every seventh subject refused; every ninth has a consent that expires within 30 days.
    const status = i % 7 === 3 ? "refused" : "granted";
    const expires = i % 9 === 0 ? at(-(5 + (i % 20))) : "";
    lines.push(`${subject},explicit,${status},${purposes},2025-06,${at(granted)},${expires}`);
    if (i % 5 === 1) lines.push(`${subject},explicit,withdrawn,${purposes.split(";")[0]},withdrawal,${at(granted / 2)},${at(granted / 2)}`);
  }
  return lines.join("\n");
}

const REQUESTS: { subject: number; type: RequestType; daysAgo: number }[] = [
  { subject: 2, type: "access", daysAgo: 5 },
  { subject: 8, type: "deletion", daysAgo: 12 },
  { subject: 13, type: "portability", daysAgo: 33 },
];

export async function seedPrivacy(): Promise<{ created: boolean }> {
  const [seeded] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consentRecords)
    .where(eq(consentRecords.source, "seed"));
  if ((seeded?.n ?? 0) > 0) return { created: false };
  for (const activity of ACTIVITIES) {
    const [exists] = await db
      .select({ id: processingActivities.id })
      .from(processingActivities)
      .where(eq(processingActivities.name, activity.name));
    if (!exists) await db.transaction((tx) => createActivity(tx, ANONYMOUS, activity));
  }
  const now = Date.now();
  await db.transaction((tx) => importConsents(tx, ANONYMOUS, consentCsv(now), "seed"));
  for (const r of REQUESTS) {
    const subjectId = `demo-subject-${String(r.subject).padStart(3, "0")}@example.com`;
    await db.transaction((tx) => createRequest(tx, ANONYMOUS, { subjectId, type: r.type, dueInDays: 30 }, new Date(now - r.daysAgo * DAY)));
  }
  return { created: true };
}
