import canonicalize from "canonicalize";
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/lib/context";
import type { AuditEventInput } from "./vocabulary";

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

export function buildCanonicalEvent(
  actor: AuditActor,
  input: AuditEventInput,
  now = new Date(),
  id: string = randomUUID(),
): {
  event: CanonicalEvent;
  text: string;
} {
  return eventDocument(actor, input, now.toISOString(), id);
}

// Stand-ins for an event template's id and time: no ISO time or uuid looks like them.
const ID_SLOT = "__event_id__";
const TIME_SLOT = "__event_time__";

/**
 * The canonical text of an event that is written often with only its id and time changing
 * (a consent check's denial, for each caller and purpose), canonicalized once and then
 * filled in, to exactly buildCanonicalEvent()'s text: both values are ASCII that RFC 8785
 * writes as is. The slots are found by position in the sorted document: the top-level "id"
 * comes after "action" and "actor" only (an actor has no "id"), so it is the first
 * `"id":` slot; the top-level "time" has only "type" and "v" after it, so it is the last
 * `"time":` slot, whatever the metadata holds. canonical.test.ts checks it on random events.
 */
export function canonicalEventTemplate(actor: AuditActor, input: AuditEventInput): (now: Date, id?: string) => string {
  const { text } = eventDocument(actor, input, TIME_SLOT, ID_SLOT);
  const idSlot = `"id":"${ID_SLOT}"`;
  const timeSlot = `"time":"${TIME_SLOT}"`;
  const idAt = text.indexOf(idSlot);
  const timeAt = text.lastIndexOf(timeSlot);
  const beforeId = text.slice(0, idAt);
  const between = text.slice(idAt + idSlot.length, timeAt);
  const afterTime = text.slice(timeAt + timeSlot.length);
  return (now, id: string = randomUUID()) => `${beforeId}"id":"${id}"${between}"time":"${now.toISOString()}"${afterTime}`;
}

function eventDocument(actor: AuditActor, input: AuditEventInput, time: string, id: string): { event: CanonicalEvent; text: string } {
  // Round-trip the metadata through JSON so that what is stored in the jsonb column is
  // exactly what was hashed (undefined members dropped, Dates as strings).
  const metadata = JSON.parse(JSON.stringify(input.metadata ?? {})) as Record<string, unknown>;
  const event: CanonicalEvent = {
    v: 1,
    id,
    time,
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
