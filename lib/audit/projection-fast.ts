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
  // Walk the prefix in place (no strings built: this runs for every event verified).
  let at = 0;
  const lit = (s: string) => canonical.startsWith(s, at) && ((at += s.length), true);
  const val = (v: string | null) =>
    v === null ? lit("null") : NEEDS_ESCAPE.test(v) ? lit(JSON.stringify(v)) : lit('"') && lit(v) && lit('"');
  const prefixOk =
    lit('{"action":') &&
    val(p.action) &&
    lit(',"actor":{"apiKeyId":') &&
    val(p.actorApiKeyId) &&
    lit(',"ip":') &&
    val(p.actorIp) &&
    lit(',"sessionId":') &&
    val(p.actorSessionId) &&
    lit(',"userAgent":') &&
    val(p.actorUserAgent) &&
    lit(',"userId":') &&
    val(p.actorUserId) &&
    lit('},"id":') &&
    val(p.eventId) &&
    lit(',"metadata":');
  if (!prefixOk) return false;
  const metadataStart = at;
  const tail = `,"outcome":${str(p.outcome)},"resource":{"id":${str(p.resourceId)},"type":${str(p.resourceType)}},"time":"${time}","type":${str(p.eventType)},"v":1}`;
  if (canonical.length <= metadataStart + tail.length || !canonical.endsWith(tail)) return false;
  try {
    return jsonEqual(JSON.parse(canonical.slice(metadataStart, canonical.length - tail.length)), JSON.parse(p.metadataText));
  } catch {
    return false;
  }
}

/** Characters JSON.stringify would escape (quotes, backslash, controls, lone surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const str = (v: string | null) => (v === null ? "null" : NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`);

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
