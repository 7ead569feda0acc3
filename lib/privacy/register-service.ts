import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { privacyPurposes, processingActivities } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { assertKnownPurposes, listPurposes } from "./history";
import type { CreateActivityInput, SavePurposeInput } from "./schemas";

/** The purposes catalog (with its minimization rules) and the processing register. */

export async function savePurpose(tx: Transaction, ctx: RequestContext, input: SavePurposeInput) {
  const [before] = await tx.select().from(privacyPurposes).where(eq(privacyPurposes.key, input.key)).for("update");
  const fields = [...new Set(input.allowedFields)];
  const [after] = await tx
    .insert(privacyPurposes)
    .values({ key: input.key, label: input.label, description: input.description, allowedFields: fields })
    .onConflictDoUpdate({
      target: privacyPurposes.key,
      set: { label: input.label, description: input.description, allowedFields: fields, updatedAt: sql`now()` },
    })
    .returning();
  const view = (p: typeof after) => (p ? { label: p.label, description: p.description, allowedFields: p.allowedFields } : null);
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: before ? "privacy_purpose.updated" : "privacy_purpose.created",
    outcome: "success",
    resource: { type: "privacy_purpose", id: input.key },
    metadata: { before: view(before), after: view(after) },
  });
  return { key: input.key, created: !before };
}

export async function createActivity(tx: Transaction, ctx: RequestContext, input: CreateActivityInput) {
  assertKnownPurposes(await listPurposes(tx), [input.purpose], "purpose");
  const [row] = await tx
    .insert(processingActivities)
    .values({ ...input, dataCategories: [...new Set(input.dataCategories)], recipients: [...new Set(input.recipients)] })
    .onConflictDoNothing({ target: processingActivities.name })
    .returning();
  if (!row)
    throw new AppError("conflict", "An activity with this name exists.", { fieldErrors: { name: ["An activity with this name exists."] } });
  const { id } = row;
  const after = {
    name: row.name,
    purpose: row.purpose,
    dataCategories: row.dataCategories,
    legalBasis: row.legalBasis,
    retentionDays: row.retentionDays,
    recipients: row.recipients,
  };
  await recordAudit(tx, auditActor(ctx), {
    type: "config_change",
    action: "processing_activity.created",
    outcome: "success",
    resource: { type: "processing_activity", id },
    metadata: { before: null, after },
  });
  return { id };
}
