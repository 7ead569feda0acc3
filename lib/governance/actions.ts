"use server";

import { defineAction } from "@/lib/actions/define-action";
import { STATUS_LABELS, type ModelStatus } from "./lifecycle";
import {
  ApproveRequestInput,
  RegisterModelInput,
  RegisterVersionInput,
  RejectRequestInput,
  ReplaceArtifactInput,
  RequestIdInput,
  RequestPromotionInput,
  SetThresholdsInput,
  UpdateModelCardInput,
  UpdatePolicyInput,
} from "./schemas";
import {
  approveRequest,
  cancelRequest,
  governed,
  registerModel,
  registerVersion,
  rejectRequest,
  replaceArtifact,
  requestPromotion,
  setThresholds,
  updateApprovalPolicy,
  updateModelCard,
} from "./service";

// The whole section: the layout's "Waiting for you" count changes with any decision.
const MODELS = ["/models", "/"];

export const registerModelAction = defineAction(
  "models.register",
  { permission: "models.write", schema: RegisterModelInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    const model = await governed(ctx, (tx) => registerModel(tx, ctx, input));
    return { message: `Model ${input.name} registered.`, data: { href: `/models/${model.key}` } };
  },
);

export const registerVersionAction = defineAction(
  "models.register_version",
  { permission: "models.write", schema: RegisterVersionInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    const { modelId, version, trainingDataHash, artifactUri, artifactDigest, metrics, intendedUse, limitations, knownBiases, riskTier } =
      input;
    await governed(ctx, (tx) =>
      registerVersion(tx, ctx, {
        modelId,
        version,
        trainingDataHash,
        artifactUri,
        artifactDigest,
        metrics,
        card: { intendedUse, limitations, knownBiases, riskTier },
      }),
    );
    return { message: `Version ${version} registered in development.` };
  },
);

export const updateModelCardAction = defineAction(
  "models.update_card",
  { permission: "models.write", schema: UpdateModelCardInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    await governed(ctx, (tx) => updateModelCard(tx, ctx, input));
    return { message: "Model card saved." };
  },
);

export const replaceArtifactAction = defineAction(
  "models.replace_artifact",
  { permission: "models.write", schema: ReplaceArtifactInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    const result = await governed(ctx, (tx) => replaceArtifact(tx, ctx, input));
    const voided = result.voidedApprovals;
    return {
      message:
        voided > 0
          ? `Artifact replaced. ${voided} approval${voided === 1 ? " was" : "s were"} voided: the open request needs approvals of the new artifact.`
          : "Artifact replaced.",
    };
  },
);

export const setThresholdsAction = defineAction(
  "models.set_thresholds",
  { permission: "models.thresholds_manage", schema: SetThresholdsInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    await governed(ctx, (tx) => setThresholds(tx, ctx, input));
    return { message: "Thresholds saved. They apply to every production approval from now on." };
  },
);

export const requestPromotionAction = defineAction(
  "models.request_promotion",
  { permission: "models.request_promotion", schema: RequestPromotionInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    const request = await governed(ctx, (tx) => requestPromotion(tx, ctx, input));
    return {
      message: `Promotion to ${STATUS_LABELS[input.toStatus].toLowerCase()} requested.`,
      data: { href: `/models/requests/${request.id}` },
    };
  },
);

export const cancelRequestAction = defineAction(
  "models.cancel_request",
  { permission: "models.request_promotion", schema: RequestIdInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    await governed(ctx, (tx) => cancelRequest(tx, ctx, input));
    return { message: "Request cancelled." };
  },
);

export const approveRequestAction = defineAction(
  "models.approve",
  { permission: "models.approve", schema: ApproveRequestInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    const result = await governed(ctx, (tx) => approveRequest(tx, ctx, input));
    const status = STATUS_LABELS[result.toStatus as ModelStatus].toLowerCase();
    return {
      message: result.promoted
        ? `Approved. That was the last approval needed: the version is now in ${status}.`
        : "Approved. The request still needs the roles listed.",
    };
  },
);

export const rejectRequestAction = defineAction(
  "models.reject",
  { permission: "models.approve", schema: RejectRequestInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    await governed(ctx, (tx) => rejectRequest(tx, ctx, input));
    return { message: "Rejected. The request is closed and the requester can read your comment." };
  },
);

export const updatePolicyAction = defineAction(
  "models.update_policy",
  { permission: "models.policy_manage", schema: UpdatePolicyInput, revalidate: MODELS },
  async ({ ctx, input }) => {
    await governed(ctx, (tx) => updateApprovalPolicy(tx, ctx, input));
    return {
      message: `Policy for ${STATUS_LABELS[input.toStatus].toLowerCase()} saved. Requests opened from now on use it; open ones keep theirs.`,
    };
  },
);
