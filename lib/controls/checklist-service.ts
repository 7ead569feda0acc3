import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditChecklistItems } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { UpdateChecklistItemInput } from "./schemas";

/** The checklist: its owner moves an item along; a compliance officer also assigns owners. */
export async function updateChecklistItem(tx: Transaction, ctx: RequestContext, input: UpdateChecklistItemInput): Promise<void> {
  const [item] = await tx
    .select({
      id: auditChecklistItems.id,
      title: auditChecklistItems.title,
      status: auditChecklistItems.status,
      ownerId: auditChecklistItems.ownerId,
    })
    .from(auditChecklistItems)
    .where(eq(auditChecklistItems.id, input.itemId))
    .for("update");
  if (!item) throw new AppError("not_found", "No such checklist item.");
  const manager = can(ctx.user?.roles ?? [], "controls.manage");
  if (!manager && ctx.user?.id !== item.ownerId)
    throw new AppError("forbidden", "Only the item's owner or a compliance officer updates it.");
  const ownerId = manager && input.ownerId !== undefined ? input.ownerId : item.ownerId;
  if (item.status === input.status && item.ownerId === ownerId) return;
  await tx
    .update(auditChecklistItems)
    .set({ status: input.status, ownerId, updatedAt: sql`now()` })
    .where(eq(auditChecklistItems.id, item.id));
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "audit_checklist.item_updated",
    outcome: "success",
    resource: { type: "audit_checklist_item", id: item.id },
    metadata: { title: item.title, before: { status: item.status, ownerId: item.ownerId }, after: { status: input.status, ownerId } },
  });
}
