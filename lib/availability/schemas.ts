import { z } from "zod";
import type { availabilityServices } from "@/db/schema";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import { INCIDENT_STATES, RANGE_KEYS, SAMPLE_STATUSES, SEVERITIES, type RangeKey } from "./vocabulary";

/** The window a range key reads (`rollingWindow(parseRange(params))`), which pages hand to the reads. */
export { rollingWindow, type Grain, type RangeWindow } from "./rollups/ranges";

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

/** A service's editable settings: what the registry page edits and an audited change records. */
export function serviceSettings(s: typeof availabilityServices.$inferSelect) {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    description: s.description,
    weight: s.weight,
    slaTarget: s.slaTarget,
    healthUrl: s.healthUrl,
    intervalSeconds: s.intervalSeconds,
    timeoutMs: s.timeoutMs,
    degradedLatencyMs: s.degradedLatencyMs,
    failuresToOpen: s.failuresToOpen,
    successesToResolve: s.successesToResolve,
    enabled: s.enabled,
  };
}
export type ServiceSettings = ReturnType<typeof serviceSettings>;

export const OpenIncidentInput = z.object({
  serviceId: Id,
  title: z.string().trim().min(3, "Describe the incident in a few words.").max(160, "At most 160 characters."),
  severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
  startedAt: z.preprocess(blankToUndefined, Instant.optional()),
  body: z.preprocess(blankToUndefined, z.string().trim().max(4000, "At most 4,000 characters.").default("Opened by hand.")),
});
export type OpenIncidentInput = z.infer<typeof OpenIncidentInput>;

export const IncidentIdInput = z.object({ id: Id });
export type IncidentIdInput = z.infer<typeof IncidentIdInput>;

export const IncidentUpdateInput = z.object({
  id: Id,
  body: z.string().trim().min(1, "Write the update.").max(4000, "At most 4,000 characters."),
});
export type IncidentUpdateInput = z.infer<typeof IncidentUpdateInput>;

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
  .refine((m) => m.endsAt.getTime() - m.startsAt.getTime() <= 7 * DAY_MS, {
    path: ["endsAt"],
    message: "A window is at most 7 days long.",
  });
export type MaintenanceInput = z.infer<typeof MaintenanceInput>;

export const RetentionInput = z.object({ rawRetentionDays: int("The retention", 7, 3650) });
export type RetentionInput = z.infer<typeof RetentionInput>;

/** One pushed sample. `service` is the key (e.g. inference_api); `observedAt` ISO 8601 with offset. */
export const PushedSample = z.strictObject({
  service: ServiceKey,
  observedAt: z.iso.datetime({ offset: true, error: "observedAt must be an ISO 8601 date-time with an offset." }),
  status: z.enum(SAMPLE_STATUSES, { error: `status must be one of ${SAMPLE_STATUSES.join(", ")}.` }),
  latencyMs: z
    .number({ error: "latencyMs must be a number of milliseconds." })
    .int("latencyMs must be whole milliseconds.")
    .min(0)
    .max(HOUR_MS)
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

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A chart range from the URL (`?range=7d`); anything else (a repeated parameter too) is the default, 30 days. */
export const RangeParam = z.enum(RANGE_KEYS).catch("30d");

export function parseRange(params: SearchParams): RangeKey {
  return RangeParam.parse(params.range);
}

/**
 * The incidents list's URL state, its one definition (the page, the query and the filter and
 * pager components all use it): state, service and page, each with its default. A stale or
 * hand-edited link never breaks the page: a refused value falls back to its default.
 */
export const INCIDENTS_PATH = "/availability/incidents";
export const INCIDENTS_PAGE_SIZE = 25;
export const IncidentsSearch = z.object({
  state: z.enum(INCIDENT_STATES).catch("all"),
  service: ServiceKey.nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type IncidentsView = z.infer<typeof IncidentsSearch>;
export const INCIDENTS_DEFAULTS: IncidentsView = { state: "all", service: null, page: 1 };

export function parseIncidentsSearch(params: SearchParams): IncidentsView {
  return IncidentsSearch.parse({ state: first(params.state), service: first(params.service), page: first(params.page) });
}

/** The list's address for `view` with `change` applied; a change of filter goes back to the first page. */
export function incidentsHref(view: IncidentsView = INCIDENTS_DEFAULTS, change: Partial<IncidentsView> = {}): string {
  const next = { ...view, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.state !== INCIDENTS_DEFAULTS.state) params.set("state", next.state);
  if (next.service) params.set("service", next.service);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${INCIDENTS_PATH}?${query}` : INCIDENTS_PATH;
}

/** Report ranges from the URL. */
export const ReportQuery = z
  .object({
    service: z.preprocess(blankToUndefined, z.union([z.literal("all"), ServiceKey]).default("all")),
    from: z.iso.date({ error: "from must be a date (YYYY-MM-DD)." }),
    to: z.iso.date({ error: "to must be a date (YYYY-MM-DD)." }),
  })
  .refine((q) => q.to >= q.from, { path: ["to"], message: "The period must end on or after its start." });
export type ReportQuery = z.infer<typeof ReportQuery>;
