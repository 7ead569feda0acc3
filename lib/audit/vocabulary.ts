import { z } from "zod";

/** The event types an auditor filters by (fixed by the product; see docs/audit-log-format.md). */
export const EVENT_TYPES = [
  "login",
  "logout",
  "access_denied",
  "data_access",
  "data_modification",
  "data_deletion",
  "data_export",
  "model_training",
  "model_inference",
  "model_deployment",
  "model_update",
  "config_change",
  "permission_change",
  "security_alert",
  "vulnerability_detected",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const OUTCOMES = ["success", "failure", "denied"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type AuditResource = { type: string; id: string | null };

/**
 * One declared audit action. Every module lists its actions in its `vocabulary.ts` with
 * `defineAuditActions`: the event type, the kind of resource it names, one line for the
 * catalog in docs/audit-log-format.md, and the shape of its metadata (changes carry
 * `before` and `after`). The audit writer accepts only events built from such a list, so
 * an undeclared action or a wrong payload does not compile.
 */
export type ActionSpec = {
  type: EventType;
  /** The resource type the event names (`null` for none); documentation for the catalog. */
  resource: string | null;
  summary: string;
  metadata: z.ZodType<Record<string, unknown>>;
  /** The usual outcome; an event may say otherwise. Defaults to `success`. */
  outcome?: Outcome;
  /**
   * Other event types the same action may carry, chosen per event (e.g. an outage Assay
   * detects itself is a security alert, the same action by a person a data change).
   */
  alsoTypes?: readonly EventType[];
};

declare const declaredEvent: unique symbol;

/** An event built from a declared action: the only input the audit writer takes. */
export type AuditEvent = {
  readonly [declaredEvent]: true;
  readonly type: EventType;
  /** `entity.verb`, e.g. `user.roles_changed`. */
  readonly action: string;
  readonly outcome: Outcome;
  readonly resource: AuditResource | null;
  readonly metadata: Record<string, unknown>;
};

type AllowedType<S extends ActionSpec> = S["type"] | (S["alsoTypes"] extends readonly EventType[] ? S["alsoTypes"][number] : never);

type EventFields<S extends ActionSpec> = {
  outcome?: Outcome;
  /** One of the declared types; defaults to `type`. */
  type?: AllowedType<S>;
  resource?: AuditResource | null;
} & (Record<string, never> extends z.input<S["metadata"]> ? { metadata?: z.input<S["metadata"]> } : { metadata: z.input<S["metadata"]> });

export type AuditVocabulary<A extends Record<string, ActionSpec>> = {
  /** The module that owns these actions. */
  readonly module: string;
  readonly actions: A;
  /** Builds one event of a declared action; its metadata is checked against the declared shape. */
  event<K extends keyof A & string>(action: K, fields: EventFields<A[K]>): AuditEvent;
};

const ACTION_NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export function defineAuditActions<const A extends Record<string, ActionSpec>>(module: string, actions: A): AuditVocabulary<A> {
  for (const name of Object.keys(actions)) {
    if (!ACTION_NAME.test(name)) throw new Error(`audit action ${name} of ${module} is not entity.verb`);
  }
  return {
    module,
    actions,
    event(action, fields) {
      const spec = actions[action]!;
      const parsed = spec.metadata.safeParse(fields.metadata ?? {});
      // A payload that does not match its declaration is a bug in the caller, not bad input:
      // fail the change (the event would not say what the catalog promises).
      if (!parsed.success)
        throw new Error(`audit event ${action}: metadata does not match its declaration: ${z.prettifyError(parsed.error)}`);
      const type = fields.type ?? spec.type;
      if (type !== spec.type && !spec.alsoTypes?.includes(type)) throw new Error(`audit event ${action}: type ${type} is not declared`);
      return sealEvent({
        type,
        action,
        outcome: fields.outcome ?? spec.outcome ?? "success",
        resource: fields.resource ?? null,
        // The caller's object, not zod's copy: unknown members are the schema's business
        // (declared with .strict() or .loose()), and what is hashed is what was given.
        metadata: (fields.metadata ?? {}) as Record<string, unknown>,
      });
    },
  };
}

/** Only this module mints AuditEvents: from a declaration above, or from a machine client's batch. */
function sealEvent(fields: Omit<AuditEvent, typeof declaredEvent>): AuditEvent {
  return fields as AuditEvent;
}

/**
 * Events a machine client reports through `POST /api/v1/audit/events` name actions of their
 * own systems, which no vocabulary here can list; they are validated by the route's schema
 * (`entity.verb`, one of EVENT_TYPES) and marked as reported in the catalog's sense.
 */
export function reportedEvent(fields: {
  type: EventType;
  action: string;
  outcome: Outcome;
  resource?: AuditResource | null;
  metadata?: Record<string, unknown>;
}): AuditEvent {
  return sealEvent({ ...fields, resource: fields.resource ?? null, metadata: fields.metadata ?? {} });
}

/**
 * @deprecated The untyped input of the first audit writer, accepted while modules move to
 * their declared vocabularies; the writer takes only AuditEvent once every module has one.
 */
export type AuditEventInput = {
  type: EventType;
  action: string;
  outcome: Outcome;
  resource?: AuditResource | null;
  metadata?: Record<string, unknown>;
};

/** A change's metadata: what it was and what it became (`null` for created or deleted). */
export function change<T extends z.ZodType>(shape: T) {
  return z.object({ before: shape.nullable(), after: shape.nullable() });
}
