import { MINUTE_MS } from "@/lib/time";

/**
 * The demo's simulated AI services (served at /api/simulated/<key>). Deterministic in the
 * service and the time: each 5-minute window of each service draws its weather from a hash,
 * so every worker and every reload agree. About 1 window in 150 is an outage of its first
 * three minutes (long enough to open an incident at the default thresholds), 1 in 25 is
 * slow, and the rest answer quickly with a little jitter.
 */
export type SimulatedAnswer = { httpStatus: number; delayMs: number; body: Record<string, unknown> };

const WINDOW_MS = 5 * MINUTE_MS;
const BASE_LATENCY: Record<string, number> = {
  inference_api: 45,
  training_pipeline: 70,
  model_registry: 25,
  feature_store: 12,
  monitoring_dashboard: 55,
};

/** FNV-1a: a fast, well-spread 32-bit hash; the demo needs spread, not secrecy. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const unit = (text: string) => fnv1a(text) / 0x1_0000_0000;

export function simulate(key: string, at: Date): SimulatedAnswer {
  const window = Math.floor(at.getTime() / WINDOW_MS);
  const intoWindow = at.getTime() - window * WINDOW_MS;
  const weather = unit(`${key}:${window}`);
  const jitter = unit(`${key}:${at.getTime()}`);
  const base = BASE_LATENCY[key] ?? 40;
  const queueDepth = Math.round(jitter * 20);
  if (weather < 1 / 150 && intoWindow < 3 * MINUTE_MS) {
    return {
      httpStatus: 503,
      delayMs: Math.round(base / 2),
      body: { status: "down", modelLoaded: false, gpuAvailable: false, queueDepth: 0, error: "worker pool crashed" },
    };
  }
  if (weather < 1 / 150 + 1 / 25) {
    return {
      httpStatus: 200,
      delayMs: Math.round(120 + jitter * 180),
      body: { status: "degraded", modelLoaded: true, gpuAvailable: true, queueDepth: 80 + queueDepth },
    };
  }
  return {
    httpStatus: 200,
    delayMs: Math.round(base * (0.7 + jitter * 0.6)),
    body: { status: "ok", modelLoaded: true, gpuAvailable: key !== "monitoring_dashboard", queueDepth },
  };
}
