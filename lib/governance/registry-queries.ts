import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { apiKeys, approvalPolicies, models, modelVersions, promotionRequests, users } from "@/db/schema";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { ModelCard } from "./gates";
import { isModelStatus, type ModelStatus, type PromotionTarget } from "./lifecycle";
import { cardOf, loadMetrics, loadThresholds } from "./loaders";
import type { Metrics, Threshold } from "./metric-text";

export type ModelListItem = {
  id: string;
  key: string;
  name: string;
  owner: string;
  versions: number;
  productionVersion: string | null;
  openRequests: number;
  updatedAt: Date;
};

// Qualified by hand: in a single-table select list Drizzle renders `${models.id}` as a bare
// "id", which inside these subqueries would mean the subquery's own id.
const MODEL_ID = sql`${models}.id`;

/** The registry: every model with its production version and counts (one index probe each). */
export async function listModels(executor: Executor = db): Promise<ModelListItem[]> {
  return executor
    .select({
      id: models.id,
      key: models.key,
      name: models.name,
      owner: models.owner,
      versions: sql<number>`(select count(*)::int from ${modelVersions} v where v.model_id = ${MODEL_ID})`,
      productionVersion: sql<
        string | null
      >`(select v.version from ${modelVersions} v where v.model_id = ${MODEL_ID} and v.status = 'production')`,
      openRequests: sql<number>`(select count(*)::int from ${promotionRequests} r where r.model_id = ${MODEL_ID} and r.status = 'open')`,
      updatedAt:
        sql<Date>`greatest(${models}.updated_at, (select max(v.updated_at) from ${modelVersions} v where v.model_id = ${MODEL_ID}))`.mapWith(
          models.updatedAt,
        ),
    })
    .from(models)
    .orderBy(asc(models.name));
}

export type ModelDetail = {
  id: string;
  key: string;
  name: string;
  owner: string;
  description: string;
  createdAt: Date;
  thresholds: Threshold[];
};

export async function getModelByKey(key: string, executor: Executor = db): Promise<ModelDetail | null> {
  const [model] = await executor
    .select({
      id: models.id,
      key: models.key,
      name: models.name,
      owner: models.owner,
      description: models.description,
      createdAt: models.createdAt,
    })
    .from(models)
    .where(eq(models.key, key));
  return model ? { ...model, thresholds: await loadThresholds(executor, model.id) } : null;
}

export type VersionListItem = {
  id: string;
  version: string;
  status: ModelStatus;
  createdAt: Date;
  statusChangedAt: Date;
  artifactDigest: string;
  registeredBy: string | null;
  openRequestId: string | null;
  openRequestTo: PromotionTarget | null;
};

const registeredByLabel = sql<string | null>`coalesce(${users.name}, 'API key ' || ${apiKeys.name})`;

export async function listModelVersions(modelId: string, executor: Executor = db): Promise<VersionListItem[]> {
  const rows = await executor
    .select({
      id: modelVersions.id,
      version: modelVersions.version,
      status: modelVersions.status,
      createdAt: modelVersions.createdAt,
      statusChangedAt: modelVersions.statusChangedAt,
      artifactDigest: modelVersions.artifactDigest,
      registeredBy: registeredByLabel,
      openRequestId: promotionRequests.id,
      openRequestTo: promotionRequests.toStatus,
    })
    .from(modelVersions)
    .leftJoin(users, eq(users.id, modelVersions.registeredBy))
    .leftJoin(apiKeys, eq(apiKeys.id, modelVersions.registeredByApiKey))
    .leftJoin(promotionRequests, and(eq(promotionRequests.versionId, modelVersions.id), eq(promotionRequests.status, "open")))
    .where(eq(modelVersions.modelId, modelId))
    .orderBy(desc(modelVersions.createdAt));
  return rows.map((r) => ({ ...r, status: asStatus(r.status), openRequestTo: (r.openRequestTo as PromotionTarget | null) ?? null }));
}

export type VersionDetail = {
  id: string;
  modelId: string;
  version: string;
  status: ModelStatus;
  trainingDataHash: string;
  artifactUri: string;
  artifactDigest: string;
  card: ModelCard;
  metrics: Metrics;
  createdAt: Date;
  statusChangedAt: Date;
  registeredBy: string | null;
  openRequest: { id: string; toStatus: PromotionTarget } | null;
};

export async function getVersionDetail(modelId: string, version: string, executor: Executor = db): Promise<VersionDetail | null> {
  const [row] = await executor
    .select({ v: modelVersions, registeredBy: registeredByLabel })
    .from(modelVersions)
    .leftJoin(users, eq(users.id, modelVersions.registeredBy))
    .leftJoin(apiKeys, eq(apiKeys.id, modelVersions.registeredByApiKey))
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version)));
  if (!row) return null;
  return versionDetail(executor, row.v, row.registeredBy);
}

/** The model's current production version with its metrics, for the request page's comparison. */
export async function getProductionVersion(modelId: string, executor: Executor = db): Promise<VersionDetail | null> {
  const [v] = await executor
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.status, "production")));
  return v ? versionDetail(executor, v, null) : null;
}

async function versionDetail(
  executor: Executor,
  v: typeof modelVersions.$inferSelect,
  registeredBy: string | null,
): Promise<VersionDetail> {
  const [metrics, open] = await Promise.all([
    loadMetrics(executor, v.id),
    executor
      .select({ id: promotionRequests.id, toStatus: promotionRequests.toStatus })
      .from(promotionRequests)
      .where(and(eq(promotionRequests.versionId, v.id), eq(promotionRequests.status, "open"))),
  ]);
  return buildVersionDetail(v, registeredBy, metrics, open[0] ? { id: open[0].id, toStatus: open[0].toStatus as PromotionTarget } : null);
}

/** The detail from rows already read (the request page reads them in one round). */
export function buildVersionDetail(
  v: typeof modelVersions.$inferSelect,
  registeredBy: string | null,
  metrics: Metrics,
  openRequest: VersionDetail["openRequest"],
): VersionDetail {
  return {
    id: v.id,
    modelId: v.modelId,
    version: v.version,
    status: asStatus(v.status),
    trainingDataHash: v.trainingDataHash,
    artifactUri: v.artifactUri,
    artifactDigest: v.artifactDigest,
    card: cardOf(v),
    metrics,
    createdAt: v.createdAt,
    statusChangedAt: v.statusChangedAt,
    registeredBy,
    openRequest,
  };
}

export type PolicyItem = { toStatus: PromotionTarget; requiredRoles: Role[]; updatedAt: Date; updatedBy: string | null };

const TARGET_ORDER = sql`array_position(array['testing','staging','production','deprecated','retired'], ${approvalPolicies.toStatus})`;

export async function listApprovalPolicies(executor: Executor = db): Promise<PolicyItem[]> {
  const rows = await executor
    .select({
      toStatus: approvalPolicies.toStatus,
      requiredRoles: approvalPolicies.requiredRoles,
      updatedAt: approvalPolicies.updatedAt,
      updatedBy: users.name,
    })
    .from(approvalPolicies)
    .leftJoin(users, eq(users.id, approvalPolicies.updatedBy))
    .orderBy(TARGET_ORDER);
  return rows.map((r) => ({ ...r, toStatus: r.toStatus as PromotionTarget, requiredRoles: r.requiredRoles.filter(isRole) }));
}

export function asStatus(value: string): ModelStatus {
  return isModelStatus(value) ? value : "development";
}
