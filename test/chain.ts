import { buildCanonicalEvent, type CanonicalEvent } from "@/lib/audit/canonical";
import type { ChainRow, Projection } from "@/lib/audit/chain-verifier";
import { chainHash, GENESIS_HASH } from "@/lib/audit/hash";
import type { AuditActor } from "@/lib/context";

/** Pure helpers for building chains in memory (no database): unit tests only. */

export const TEST_ACTOR: AuditActor = {
  userId: "11111111-1111-4111-8111-111111111111",
  apiKeyId: null,
  ip: "192.0.2.1",
  userAgent: "vitest",
  sessionId: null,
};

export function projectionOf(event: CanonicalEvent): Projection {
  return {
    eventId: event.id,
    occurredAt: new Date(event.time),
    eventType: event.type,
    actorUserId: event.actor.userId,
    actorApiKeyId: event.actor.apiKeyId,
    actorIp: event.actor.ip,
    actorUserAgent: event.actor.userAgent,
    actorSessionId: event.actor.sessionId,
    resourceType: event.resource.type,
    resourceId: event.resource.id,
    action: event.action,
    outcome: event.outcome,
    metadata: event.metadata,
  };
}

/** A valid chain of `count` events, seq `start.seq`…, linked from `start.prevHash`. */
export function buildChain(count: number, start = { seq: 1, prevHash: GENESIS_HASH }): Required<ChainRow>[] {
  const rows: Required<ChainRow>[] = [];
  let prevHash = start.prevHash;
  for (let i = 0; i < count; i += 1) {
    const seq = start.seq + i;
    const { event, text } = buildCanonicalEvent(
      TEST_ACTOR,
      {
        type: "data_modification",
        action: "thing.updated",
        outcome: "success",
        resource: { type: "thing", id: `t-${seq}` },
        metadata: { seq, before: { n: i }, after: { n: i + 1 } },
      },
      new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
    );
    const hash = chainHash(seq, prevHash, text);
    rows.push({ seq, prevHash, hash, canonical: text, projection: projectionOf(event) });
    prevHash = hash;
  }
  return rows;
}
