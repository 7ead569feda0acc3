import type { SampleStatus } from "../vocabulary";

/**
 * One HTTP health check. Never throws: a timeout, a refused connection or a bad answer is a
 * `down` sample with the reason in its details, so a broken service cannot crash the worker.
 *
 * A 2xx answer is healthy, or degraded when slower than the service's threshold or when its
 * JSON body says so (`"status": "degraded"`). A body saying `"status": "down"` (or
 * unhealthy), or `"modelLoaded": false`, is down even with a 2xx. Details keep the body's
 * simple fields (model loaded, GPU available, queue depth…), at most 20.
 */
export type ProbeTarget = { url: string; timeoutMs: number; degradedLatencyMs: number };
export type ProbeResult = { status: SampleStatus; latencyMs: number | null; details: Record<string, unknown> };
/** What a probe depends on besides its target; tests inject the clock so no verdict depends on the machine's speed. */
export type ProbeDeps = { fetch?: typeof fetch; now?: () => number };

const MAX_BODY_BYTES = 64 * 1024;
const DOWN_WORDS = new Set(["down", "unhealthy", "error", "fail", "failed"]);

export async function probe(target: ProbeTarget, deps: ProbeDeps = {}): Promise<ProbeResult> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);
  try {
    const response = await (deps.fetch ?? fetch)(target.url, {
      signal: AbortSignal.timeout(target.timeoutMs),
      headers: { accept: "application/json", "user-agent": "assay-probe/1" },
      redirect: "manual",
      cache: "no-store",
    });
    const body = await readBody(response);
    const latencyMs = elapsed();
    const details: Record<string, unknown> = { httpStatus: response.status, ...simpleFields(body) };
    if (response.status < 200 || response.status >= 300) return { status: "down", latencyMs, details };
    const said = typeof body?.status === "string" ? body.status.toLowerCase() : null;
    if ((said && DOWN_WORDS.has(said)) || body?.modelLoaded === false) return { status: "down", latencyMs, details };
    if (said === "degraded" || latencyMs > target.degradedLatencyMs) return { status: "degraded", latencyMs, details };
    return { status: "healthy", latencyMs, details };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return {
      status: "down",
      latencyMs: null,
      details: { error: timedOut ? `no answer within ${target.timeoutMs} ms` : describe(err) },
    };
  }
}

async function readBody(response: Response): Promise<Record<string, unknown> | null> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) {
    await response.body?.cancel();
    return null;
  }
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function simpleFields(body: Record<string, unknown> | null): Record<string, unknown> {
  if (!body) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Object.keys(out).length >= 20) break;
    if (key.length > 64) continue;
    if (typeof value === "number" || typeof value === "boolean" || value === null) out[key] = value;
    else if (typeof value === "string") out[key] = value.slice(0, 200);
  }
  return out;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return "request failed";
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? err.message).slice(0, 200);
}
