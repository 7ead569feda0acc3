import { z } from "zod";
import { SAMPLE_STATUSES, SEVERITIES } from "./vocabulary";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label}.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);
const HttpUrl = z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL." }).max(2000, "At most 2,000 characters.");
const Id = z.uuid({ error: "Unknown record." });
const Instant = z.coerce.date({ error: "Enter a date and time." }).refine((d) => !Number.isNaN(d.getTime()), "Enter a date and time.");

export const ServiceKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, "Use 2–63 lower-case letters, digits or _, starting with a letter.");

/** What ops and admins edit on a service (its key is fixed: samples and reports name it). */
export const UpdateServiceInput = z.object({
  id: Id,
  name: z.string().trim().min(1, "Enter a name.").max(80, "At most 80 characters."),
  description: z.preprocess(blankToUndefined, z.string().trim().max(500, "At most 500 characters.").default("")),
  weight: z.coerce.number({ error: "Enter a weight." }).min(0, "The weight is between 0 and 1.").max(1, "The weight is between 0 and 1."),
  slaTarget: z.coerce
    .number({ error: "Enter an SLA target." })
    .gt(0, "The target is a percentage above 0.")
    .max(100, "The target is at most 100%."),
  // A path is a health endpoint served by this Assay instance (the demo's simulated services).
  healthUrl: z.preprocess(
    blankToUndefined,
    z
      .union([HttpUrl, z.string().regex(/^\/[\w\-/.]*$/, "Enter an http(s) URL, or a path on this Assay server.")])
      .nullable()
      .default(null),
  ),
  intervalSeconds: int("The interval", 5, 3600),
  timeoutMs: int("The timeout", 100, 60000),
  degradedLatencyMs: int("The degraded threshold", 1, 60000),
  failuresToOpen: int("Failures to open", 1, 100),
  successesToResolve: int("Successes to resolve", 1, 100),
  enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type UpdateServiceInput = z.infer<typeof UpdateServiceInput>;

export const OpenIncidentInput = z.object({
  serviceId: Id,
  title: z.string().trim().min(3, "Describe the incident in a few words.").max(160, "At most 160 characters."),
  severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
  startedAt: z.preprocess(blankToUndefined, Instant.optional()),
  body: z.preprocess(blankToUndefined, z.string().trim().max(4000, "At most 4,000 characters.").default("Opened by hand.")),
});
export type OpenIncidentInput = z.infer<typeof OpenIncidentInput>;

export const IncidentIdInput = z.object({ id: Id });

export const IncidentUpdateInput = z.object({
  id: Id,
  body: z.string().trim().min(1, "Write the update.").max(4000, "At most 4,000 characters."),
});

export const ResolveIncidentInput = z.object({
  id: Id,
  rootCause: z.string().trim().min(3, "Name the root cause (a sentence is enough).").max(4000, "At most 4,000 characters."),
  postmortemUrl: z.preprocess(blankToUndefined, HttpUrl.optional()),
  resolvedAt: z.preprocess(blankToUndefined, Instant.optional()),
});
export type ResolveIncidentInput = z.infer<typeof ResolveIncidentInput>;

export const MaintenanceInput = z
  .object({
    serviceId: z.preprocess(blankToUndefined, Id.nullable().default(null)),
    startsAt: Instant,
    endsAt: Instant,
    reason: z.string().trim().min(3, "Say what the maintenance is for.").max(500, "At most 500 characters."),
  })
  .refine((m) => m.endsAt > m.startsAt, { path: ["endsAt"], message: "The window must end after it starts." })
  .refine((m) => m.endsAt.getTime() - m.startsAt.getTime() <= 7 * 86_400_000, {
    path: ["endsAt"],
    message: "A window is at most 7 days long.",
  });
export type MaintenanceInput = z.infer<typeof MaintenanceInput>;

export const RetentionInput = z.object({ rawRetentionDays: int("The retention", 7, 3650) });

/** One pushed sample. `service` is the key (e.g. inference_api); `observedAt` ISO 8601 with offset. */
export const PushedSample = z.strictObject({
  service: ServiceKey,
  observedAt: z.iso.datetime({ offset: true, error: "observedAt must be an ISO 8601 date-time with an offset." }),
  status: z.enum(SAMPLE_STATUSES, { error: `status must be one of ${SAMPLE_STATUSES.join(", ")}.` }),
  latencyMs: z
    .number({ error: "latencyMs must be a number of milliseconds." })
    .int("latencyMs must be whole milliseconds.")
    .min(0)
    .max(3_600_000)
    .nullable()
    .optional(),
  details: z
    .record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 20, "details holds at most 20 fields.")
    .optional(),
});

export const PushedBatch = z.strictObject({
  samples: z.array(PushedSample).min(1, "Send at least one sample.").max(1000, "Send at most 1,000 samples per request."),
});
export type PushedBatch = z.infer<typeof PushedBatch>;

/** Report and chart ranges from the URL. */
export const ReportQuery = z
  .object({
    service: z.preprocess(blankToUndefined, z.union([z.literal("all"), ServiceKey]).default("all")),
    from: z.iso.date({ error: "from must be a date (YYYY-MM-DD)." }),
    to: z.iso.date({ error: "to must be a date (YYYY-MM-DD)." }),
  })
  .refine((q) => q.to >= q.from, { path: ["to"], message: "The period must end on or after its start." });
export type ReportQuery = z.infer<typeof ReportQuery>;
