import type { Projection } from "./chain-verifier";
import { jsonEqual } from "./chain-verifier";

/**
 * A fast, exact check that the query columns agree with a version-1 canonical text, without
 * parsing the whole document: RFC 8785 fixes the key order, so a v1 event is exactly
 *   {"action":…,"actor":{"apiKeyId":…,"ip":…,"sessionId":…,"userAgent":…,"userId":…},
 *    "id":…,"metadata":<M>,"outcome":…,"resource":{"id":…,"type":…},"time":…,"type":…,"v":1}
 * The prefix and suffix are rebuilt from the columns (JSON.stringify escapes strings the
 * way RFC 8785 does) and compared as strings; only <M> is parsed, against the jsonb column.
 * `true` proves agreement; `false` means "not proven here" — the caller then runs the full
 * check, which names the disagreeing column (or finds none).
 */
export function projectionAgrees(canonical: string, p: Projection & { metadataText: string }): boolean {
  const time = canonicalTimeOf(p.occurredAt);
  if (time === null) return false;
  const head =
    `{"action":${str(p.action)},"actor":{"apiKeyId":${str(p.actorApiKeyId)},"ip":${str(p.actorIp)},"sessionId":${str(p.actorSessionId)},` +
    `"userAgent":${str(p.actorUserAgent)},"userId":${str(p.actorUserId)}},"id":${str(p.eventId)},"metadata":`;
  const tail = `,"outcome":${str(p.outcome)},"resource":{"id":${str(p.resourceId)},"type":${str(p.resourceType)}},"time":"${time}","type":${str(p.eventType)},"v":1}`;
  if (canonical.length <= head.length + tail.length || !canonical.startsWith(head) || !canonical.endsWith(tail)) return false;
  try {
    return jsonEqual(JSON.parse(canonical.slice(head.length, canonical.length - tail.length)), JSON.parse(p.metadataText));
  } catch {
    return false;
  }
}

const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));

/**
 * PostgreSQL's ISO output of a UTC timestamptz ("2026-11-26 17:50:25.765+00", trailing
 * zeros of the fraction dropped) → the canonical form ("2026-11-26T17:50:25.765Z"), or null
 * when it has sub-millisecond digits no canonical time can have.
 */
export function canonicalTimeOf(column: Date | string): string | null {
  if (typeof column !== "string") return Number.isNaN(column.getTime()) ? null : column.toISOString();
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/.exec(column);
  if (!m) return null;
  const fraction = (m[3] ?? "").padEnd(6, "0");
  if (!fraction.endsWith("000")) return null;
  return `${m[1]}T${m[2]}.${fraction.slice(0, 3)}Z`;
}
