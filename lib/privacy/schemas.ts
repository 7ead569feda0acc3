import { z } from "zod";
import { CONSENT_STATUSES, DEFAULT_CONSENT_DAYS, DEFAULT_REQUEST_DAYS } from "./consent-state";

export const CONSENT_TYPES = ["explicit", "opt_in", "contractual"] as const;
export const CONSENT_SOURCES = ["ui", "api", "import", "seed"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
export const REQUEST_TYPES = ["access", "rectification", "deletion", "portability", "consent_withdrawal"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const LEGAL_BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"] as const;

// Identifiers are held only long enough to pseudonymize: zod messages never echo them.
const SubjectId = z
  .string({ error: "Enter the subject identifier." })
  .trim()
  .min(1, "Enter the subject identifier.")
  .max(320, "At most 320 characters.");
const PurposeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, "Use 2–40 lower-case letters, digits or _.");
// An unticked checkbox group sends nothing: prefault([]) lets the list's own rule speak.
const PurposeList = z.array(PurposeKey).max(50).prefault([]);
const days = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? fallback : v),
    z.coerce.number().int("Whole days only.").min(1, "At least 1 day.").max(max, `At most ${max} days.`),
  );
/** "a, b; c" → ["a","b","c"], for comma-separated form fields. */
const List = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().max(80, "At most 80 characters each.")).max(40),
);

export const RecordConsentInput = z.object({
  subjectId: SubjectId,
  consentType: z.enum(CONSENT_TYPES, { error: "Choose a consent type." }),
  status: z.enum(CONSENT_STATUSES, { error: "Choose granted, refused or withdrawn." }),
  purposes: PurposeList.pipe(z.array(z.string()).min(1, "Choose at least one purpose.")),
  policyVersion: z
    .string({ error: "Enter the policy version." })
    .trim()
    .min(1, "Enter the policy version.")
    .max(40, "At most 40 characters."),
  expiresInDays: days(DEFAULT_CONSENT_DAYS, 3650),
});
export type RecordConsentInput = z.infer<typeof RecordConsentInput>;

export const WithdrawConsentInput = z.object({
  subjectId: SubjectId,
  // None ticked: withdraw every purpose currently granted.
  purposes: PurposeList,
});
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentInput>;

export const CheckConsentInput = z.object({
  subjectId: SubjectId,
  purpose: z.string({ error: "Choose a purpose." }).trim().min(1, "Choose a purpose.").max(40),
});
export type CheckConsentInput = z.infer<typeof CheckConsentInput>;

export const ImportConsentsInput = z.object({
  file: z.instanceof(File, { message: "Choose a CSV file." }).refine((f) => f.size <= 20 * 1024 * 1024, "The file is larger than 20 MB."),
});

/** One CSV row; `purposes` is separated by `;` or `|`. */
export const ImportRow = z.object({
  subject_id: SubjectId,
  consent_type: z.enum(CONSENT_TYPES, { error: `consent_type must be one of ${CONSENT_TYPES.join(", ")}.` }),
  status: z.enum(CONSENT_STATUSES, { error: `status must be one of ${CONSENT_STATUSES.join(", ")}.` }),
  purposes: z
    .string({ error: "purposes is missing." })
    .transform((s) =>
      s
        .split(/[;|]/)
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, "purposes is empty.")),
  policy_version: z
    .string({ error: "policy_version is missing." })
    .trim()
    .min(1, "policy_version is empty.")
    .max(40, "policy_version is longer than 40 characters."),
  recorded_at: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.iso.datetime({ offset: true, error: "recorded_at must be an ISO 8601 date-time." }).optional(),
  ),
  expires_at: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.iso.datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time." }).optional(),
  ),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const CreateRequestInput = z.object({
  subjectId: SubjectId,
  type: z.enum(REQUEST_TYPES, { error: "Choose a request type." }),
  dueInDays: days(DEFAULT_REQUEST_DAYS, 90),
  assigneeId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Unknown assignee.").optional()),
});
export type CreateRequestInput = z.infer<typeof CreateRequestInput>;

export const FulfilRequestInput = z.object({
  requestId: z.uuid("Unknown request."),
  resolution: z.string().trim().max(500, "At most 500 characters.").prefault(""),
});
export type FulfilRequestInput = z.infer<typeof FulfilRequestInput>;

export const SavePurposeInput = z.object({
  key: PurposeKey,
  label: z.string({ error: "Enter a label." }).trim().min(1, "Enter a label.").max(80, "At most 80 characters."),
  description: z.string().trim().max(300, "At most 300 characters.").prefault(""),
  allowedFields: List.prefault([]),
});
export type SavePurposeInput = z.infer<typeof SavePurposeInput>;

export const CreateActivityInput = z.object({
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "At most 120 characters."),
  purpose: PurposeKey,
  dataCategories: List.pipe(z.array(z.string()).min(1, "Name at least one data category.")),
  legalBasis: z.enum(LEGAL_BASES, { error: "Choose a legal basis." }),
  retentionDays: days(365, 36500),
  recipients: List.prefault([]),
});
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;
