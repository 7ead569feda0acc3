import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/permissions";
import { PROMOTION_TARGETS, RISK_TIERS } from "./lifecycle";
import { MAX_METRICS, METRIC_NAME, parseMetrics, parseThresholds } from "./metric-text";

/** Keys that would collide with the section's own pages (/models/requests, /models/policy). */
const RESERVED_KEYS = ["requests", "policy", "new", "inbox"];

export const ModelKey = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "2–63 lower-case letters, digits and dashes, starting with a letter or digit.")
  .refine((key) => !RESERVED_KEYS.includes(key), "This key is reserved; choose another.");

export const VersionString = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/, "Up to 64 letters, digits, dots, dashes, underscores or +, e.g. 2.1.0.");

/** A SHA-256 digest, with or without the `sha256:` prefix; stored as `sha256:<hex>`. */
export const Sha256 = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(sha256:)?[0-9a-f]{64}$/, "A SHA-256 digest: 64 hex characters, optionally prefixed with sha256:.")
  .transform((v) => (v.startsWith("sha256:") ? v : `sha256:${v}`));

export const ArtifactUri = z
  .string()
  .trim()
  .max(2000, "At most 2,000 characters.")
  .regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/i, "A URI with a scheme, e.g. s3://models/fraud/2.1.0/model.onnx.");

const LongText = (max = 4000) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en")} characters.`);

/** An empty <select> sends "": no tier chosen yet. */
const RiskTierField = z.preprocess(
  (v) => (v === "" ? null : v),
  z.enum(RISK_TIERS, { error: "Choose low, medium or high." }).nullable().default(null),
);

export const ModelCardFields = z.object({
  intendedUse: LongText().default(""),
  limitations: LongText().default(""),
  knownBiases: LongText().default(""),
  riskTier: RiskTierField,
});

/** A textarea of `name = value` lines → { name: value }, with per-line messages. */
const MetricsText = z
  .string()
  .max(10_000)
  .default("")
  .transform((text, ctx) => {
    const parsed = parseMetrics(text);
    if (!parsed.ok) for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
    return parsed.ok ? parsed.value : {};
  });

const ThresholdsText = z
  .string()
  .max(10_000)
  .default("")
  .transform((text, ctx) => {
    const parsed = parseThresholds(text);
    if (!parsed.ok) for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
    return parsed.ok ? parsed.value : [];
  });

export const RegisterModelInput = z.object({
  key: ModelKey,
  name: z.string().trim().min(1, "Name the model.").max(120, "At most 120 characters."),
  owner: z.string().trim().min(1, "Name the team or person who owns it.").max(120, "At most 120 characters."),
  description: LongText(2000).default(""),
  thresholds: ThresholdsText,
});
export type RegisterModelInput = z.infer<typeof RegisterModelInput>;

const VersionCore = {
  version: VersionString,
  trainingDataHash: Sha256,
  artifactUri: ArtifactUri,
  artifactDigest: Sha256,
};

/** The form: metrics typed as lines, the card flat. */
export const RegisterVersionInput = z.object({
  modelId: z.uuid("Unknown model."),
  ...VersionCore,
  metrics: MetricsText,
  ...ModelCardFields.shape,
});
export type RegisterVersionInput = z.infer<typeof RegisterVersionInput>;

/** The machine API (CI pipelines): metrics as a JSON object, the card nested and optional. */
export const ApiVersionInput = z.object({
  ...VersionCore,
  metrics: z
    .record(z.string().regex(METRIC_NAME, "Metric names are lower-case letters, digits, _ and ."), z.number().finite())
    .refine((m) => Object.keys(m).length <= MAX_METRICS, `At most ${MAX_METRICS} metrics.`)
    .default({}),
  modelCard: ModelCardFields.default({ intendedUse: "", limitations: "", knownBiases: "", riskTier: null }),
});
export type ApiVersionInput = z.infer<typeof ApiVersionInput>;

export const UpdateModelCardInput = z.object({ versionId: z.uuid("Unknown version."), ...ModelCardFields.shape });
export type UpdateModelCardInput = z.infer<typeof UpdateModelCardInput>;

export const ReplaceArtifactInput = z.object({ versionId: z.uuid("Unknown version."), artifactUri: ArtifactUri, artifactDigest: Sha256 });
export type ReplaceArtifactInput = z.infer<typeof ReplaceArtifactInput>;

export const SetThresholdsInput = z.object({ modelId: z.uuid("Unknown model."), thresholds: ThresholdsText });
export type SetThresholdsInput = z.infer<typeof SetThresholdsInput>;

export const RequestPromotionInput = z.object({
  versionId: z.uuid("Unknown version."),
  toStatus: z.enum(PROMOTION_TARGETS, { error: "Choose the status to promote to." }),
  justification: z
    .string()
    .trim()
    .min(10, "Explain in a sentence or two why this version should move (10 characters or more).")
    .max(4000, "At most 4,000 characters."),
});
export type RequestPromotionInput = z.infer<typeof RequestPromotionInput>;

export const RequestIdInput = z.object({ requestId: z.uuid("Unknown request.") });
export type RequestIdInput = z.infer<typeof RequestIdInput>;

const APPROVER_ROLES = PERMISSIONS["models.approve"] as readonly Role[];
const ApproverRole = z.enum(APPROVER_ROLES as [Role, ...Role[]], { error: "Not an approver role." });

export const ApproveRequestInput = z.object({
  requestId: z.uuid("Unknown request."),
  // Only asked for when the person holds more than one role still needed.
  role: z.preprocess((v) => (v === "" ? undefined : v), ApproverRole.optional()),
  comment: LongText(2000).default(""),
});
export type ApproveRequestInput = z.infer<typeof ApproveRequestInput>;

export const RejectRequestInput = z.object({
  requestId: z.uuid("Unknown request."),
  comment: z.string().trim().min(1, "Say why you reject it: the requester reads this.").max(2000, "At most 2,000 characters."),
});
export type RejectRequestInput = z.infer<typeof RejectRequestInput>;

export const UpdatePolicyInput = z.object({
  toStatus: z.enum(PROMOTION_TARGETS, { error: "Unknown status." }),
  // No ticked box sends no field: prefault([]) lets min(1) give its message.
  roles: z.array(ApproverRole).min(1, "Choose at least one role.").max(APPROVER_ROLES.length).prefault([]),
});
export type UpdatePolicyInput = z.infer<typeof UpdatePolicyInput>;

export { APPROVER_ROLES };
