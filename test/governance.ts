import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { modelVersions } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { RequestContext } from "@/lib/context";
import type { Role } from "@/lib/auth/permissions";
import { MODEL_STATUSES, type ModelStatus } from "@/lib/governance/lifecycle";
import { governed, registerModel, registerVersion } from "@/lib/governance/service";
import { insertUser, signedInContext } from "./db";

/** Fixtures for the governance service tests: people in every role, models, versions. */

export const digest = (seed = randomBytes(8).toString("hex")) => `sha256:${Buffer.from(seed).toString("hex").padEnd(64, "0").slice(0, 64)}`;
export const randomDigest = () => `sha256:${randomBytes(32).toString("hex")}`;

export const COMPLETE_CARD = {
  intendedUse: "Score card payments for fraud",
  limitations: "Trained on EU data only",
  knownBiases: "Under-scores first-time customers",
  riskTier: "high" as const,
};

export type Cast = Record<
  | "engineer"
  | "engineer2"
  | "scientist"
  | "lead"
  | "lead2"
  | "qa"
  | "security"
  | "product"
  | "compliance"
  | "twoHats"
  | "auditor"
  | "admin",
  RequestContext
>;

export async function castOfPeople(): Promise<Cast> {
  const people: [keyof Cast, Role[]][] = [
    ["engineer", ["ml_engineer"]],
    ["engineer2", ["ml_engineer"]],
    ["scientist", ["data_scientist"]],
    ["lead", ["ml_lead"]],
    ["lead2", ["ml_lead"]],
    ["qa", ["qa_lead"]],
    ["security", ["security_lead"]],
    ["product", ["product_owner"]],
    ["compliance", ["compliance_officer"]],
    ["twoHats", ["ml_lead", "qa_lead"]],
    ["auditor", ["auditor"]],
    ["admin", ["admin"]],
  ];
  const entries = await Promise.all(
    people.map(
      async ([name, roles]) => [name, await signedInContext(await insertUser(roles, { label: `gov-${name.toLowerCase()}` }))] as const,
    ),
  );
  return Object.fromEntries(entries) as Cast;
}

export async function makeModel(
  ctx: RequestContext,
  thresholds: { metric: string; op: "gte" | "lte"; value: number }[] = [{ metric: "accuracy", op: "gte", value: 0.9 }],
) {
  const key = `m-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const model = await governed(ctx, (tx) =>
    registerModel(tx, ctx, { key, name: `Model ${key}`, owner: "Test team", description: "", thresholds }),
  );
  return { id: model.id, key };
}

export async function makeVersion(
  ctx: RequestContext,
  modelId: string,
  opts: { version?: string; metrics?: Record<string, number>; card?: Partial<typeof COMPLETE_CARD> } = {},
) {
  const version = opts.version ?? `1.${randomBytes(2).readUInt16BE()}.0`;
  const created = await governed(ctx, (tx) =>
    registerVersion(tx, ctx, {
      modelId,
      version,
      trainingDataHash: randomDigest(),
      artifactUri: `s3://models/${version}/model.onnx`,
      artifactDigest: randomDigest(),
      metrics: opts.metrics ?? { accuracy: 0.93 },
      card: { ...COMPLETE_CARD, ...opts.card },
    }),
  );
  return { id: created.id, version };
}

/**
 * Moves a fixture version forward by direct updates (one step at a time, as the trigger
 * demands), without requests or recorded transitions: setup for tests about what comes next.
 */
export async function advanceTo(versionId: string, status: ModelStatus) {
  const [row] = await db.select({ status: modelVersions.status }).from(modelVersions).where(eq(modelVersions.id, versionId));
  for (let i = MODEL_STATUSES.indexOf(row!.status as ModelStatus) + 1; i <= MODEL_STATUSES.indexOf(status); i++) {
    await db
      .update(modelVersions)
      .set({ status: MODEL_STATUSES[i]!, statusChangedAt: sql`now()` })
      .where(eq(modelVersions.id, versionId));
  }
}

export async function versionStatus(versionId: string): Promise<string> {
  const [row] = await db.select({ status: modelVersions.status }).from(modelVersions).where(eq(modelVersions.id, versionId));
  return row!.status;
}

/** The request id from a models.request_promotion result (its data.href ends with it). */
export function requestIdOf(result: ActionState): string {
  if (!result?.ok) throw new Error(`request_promotion failed: ${JSON.stringify(result)}`);
  return String(result.data!.href).split("/").pop()!;
}
