import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { models, modelVersions, promotionRequests } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Lock order, the same in every verb so that two verbs never wait on each other: the
 * model row first (it serializes every status change among the model's versions, e.g.
 * two production promotions), then the request row (concurrent decisions on one request
 * queue here, so the last approval is seen by exactly one transaction). Ids are looked
 * up without a lock, and rows are read again after locking.
 */
export async function lockModel(tx: Transaction, modelId: string): Promise<void> {
  const rows = await tx.select({ id: models.id }).from(models).where(eq(models.id, modelId)).for("update");
  if (rows.length === 0) throw new AppError("not_found", "No such model.");
}

/** Locks the version's model, then returns the version as it is now. */
export async function lockVersion(tx: Transaction, versionId: string) {
  const [found] = await tx.select({ modelId: modelVersions.modelId }).from(modelVersions).where(eq(modelVersions.id, versionId));
  if (!found) throw new AppError("not_found", "No such model version.");
  await lockModel(tx, found.modelId);
  const [version] = await tx.select().from(modelVersions).where(eq(modelVersions.id, versionId));
  return version!;
}

/** The statement that locks a request's model (looked up and locked at once: a request never changes model). */
export function lockRequestModelQuery(requestId: string) {
  return sql`SELECT m.id FROM models m WHERE m.id = (SELECT r.model_id FROM promotion_requests r WHERE r.id = ${requestId}) FOR UPDATE OF m`;
}

/** Locks the model of a request. */
export async function lockRequestModel(tx: Transaction, requestId: string): Promise<void> {
  const locked = await tx.execute(lockRequestModelQuery(requestId));
  if (locked.length === 0) throw new AppError("not_found", "No such promotion request.");
}

/** Locks the request's model, then the request row, and returns the request as it is now. */
export async function lockRequest(tx: Transaction, requestId: string) {
  await lockRequestModel(tx, requestId);
  const [request] = await tx.select().from(promotionRequests).where(eq(promotionRequests.id, requestId)).for("update");
  return request!;
}
