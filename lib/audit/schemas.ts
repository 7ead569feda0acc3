import { z } from "zod";
import { EVENT_TYPES, OUTCOMES } from "./vocabulary";

// URL state is typed by people and links: a bad value falls back instead of failing the page.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined);

const cursor = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_\d+$/)
  .optional()
  .catch(undefined);

/** The browse table's state, as it lives in the URL (a link reproduces the view). */
export const AuditFilter = z.object({
  type: z.enum(EVENT_TYPES, { error: "Unknown event type." }).optional().catch(undefined),
  outcome: z.enum(OUTCOMES, { error: "Unknown outcome." }).optional().catch(undefined),
  /** `user:<uuid>` or `key:<uuid>`. */
  actor: z
    .string()
    .regex(/^(user|key):[0-9a-f-]{36}$/i, "Pick an actor from the list.")
    .optional()
    .catch(undefined),
  resourceType: optionalText(60),
  resourceId: optionalText(200),
  action: optionalText(120),
  from: z.coerce.date({ error: "Not a date." }).optional().catch(undefined),
  to: z.coerce.date({ error: "Not a date." }).optional().catch(undefined),
  /** Keyset cursors `<ISO time>_<seq>`: rows after the previous page's last, or before the next page's first. */
  after: cursor,
  before: cursor,
  sort: z.enum(["desc", "asc"]).default("desc").catch("desc"),
  limit: z.coerce.number().int().min(10).max(500).default(50).catch(50),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** One event as a machine client reports it (POST /api/v1/audit/events). */
export const ReportedEvent = z
  .object({
    type: z.enum(EVENT_TYPES, { error: `One of: ${EVENT_TYPES.join(", ")}.` }),
    action: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "An `entity.verb` name in lower case, e.g. `model.inference`.")
      .max(120),
    outcome: z.enum(OUTCOMES, { error: `One of: ${OUTCOMES.join(", ")}.` }),
    resource: z
      .object({ type: z.string().trim().min(1).max(60), id: z.string().trim().max(200).nullable() })
      .strict()
      .nullable()
      .optional(),
    metadata: z
      .record(z.string(), z.unknown())
      .optional()
      .refine((m) => m === undefined || JSON.stringify(m).length <= 16_384, "Metadata is limited to 16 KiB of JSON."),
  })
  .strict();
export type ReportedEvent = z.infer<typeof ReportedEvent>;

export const MAX_BATCH = 1000;

export const ReportedBatch = z.object({
  events: z.array(ReportedEvent).min(1, "Send at least one event.").max(MAX_BATCH, `At most ${MAX_BATCH} events per batch.`),
});
export type ReportedBatch = z.infer<typeof ReportedBatch>;

/** Verification request: the whole log, or a range; optionally against a checkpoint the auditor holds. */
export const VerifyRequest = z
  .object({
    fromSeq: z.coerce.number().int().min(1).optional(),
    toSeq: z.coerce.number().int().min(1).optional(),
    checkpoint: z
      .object({
        origin: z.string().min(1),
        size: z.number().int().min(1),
        headHash: z.string().regex(/^[0-9a-f]{64}$/),
        time: z.string().min(1),
        keyId: z.string().min(1),
        signature: z.string().min(1),
      })
      .optional(),
  })
  .refine((r) => r.fromSeq === undefined || r.toSeq === undefined || r.fromSeq <= r.toSeq, {
    message: "The range must start before it ends.",
    path: ["toSeq"],
  });
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** The SIEM paging API: the same filters, but a bad value is an error, not silently dropped. */
export const ApiAuditQuery = z.object({
  type: z.enum(EVENT_TYPES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  actor: z
    .string()
    .regex(/^(user|key):[0-9a-f-]{36}$/i, "`user:<uuid>` or `key:<uuid>`.")
    .optional(),
  resourceType: z.string().max(60).optional(),
  resourceId: z.string().max(200).optional(),
  action: z.string().max(120).optional(),
  from: z.coerce.date({ error: "An ISO 8601 time." }).optional(),
  to: z.coerce.date({ error: "An ISO 8601 time." }).optional(),
  after: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_\d+$/, "Pass `next` from the previous page.")
    .optional(),
  sort: z.enum(["desc", "asc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
