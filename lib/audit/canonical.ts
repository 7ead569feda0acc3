import canonicalize from "canonicalize";
import { randomUUID } from "node:crypto";
import type { AuditActor, AuditEventInput } from "./vocabulary";

/** The hashed document of one event. Its RFC 8785 text is stored verbatim. */
export type CanonicalEvent = {
  v: 1;
  id: string;
  time: string;
  type: string;
  actor: AuditActor;
  resource: { type: string | null; id: string | null };
  action: string;
  outcome: string;
  metadata: Record<string, unknown>;
};

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value has no JSON representation");
  return text;
}

export function buildCanonicalEvent(actor: AuditActor, input: AuditEventInput, now = new Date(), id = randomUUID()): {
  event: CanonicalEvent;
  text: string;
} {
  // Round-trip the metadata through JSON so that what is stored in the jsonb column is
  // exactly what was hashed (undefined members dropped, Dates as strings).
  const metadata = JSON.parse(JSON.stringify(input.metadata ?? {})) as Record<string, unknown>;
  const event: CanonicalEvent = {
    v: 1,
    id,
    time: now.toISOString(),
    type: input.type,
    actor: {
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
      ip: actor.ip,
      userAgent: actor.userAgent,
      sessionId: actor.sessionId,
    },
    resource: { type: input.resource?.type ?? null, id: input.resource?.id ?? null },
    action: input.action,
    outcome: input.outcome,
    metadata,
  };
  return { event, text: canonicalJson(event) };
}
