/**
 * Metrics and thresholds as people type them in a textarea, one per line
 * (`accuracy = 0.93`, `accuracy >= 0.9`), parsed here so the form, the API and the
 * seed agree on names and numbers.
 */
export const METRIC_NAME = /^[a-z][a-z0-9_.]{0,63}$/;
export const MAX_METRICS = 50;

export type Metrics = Record<string, number>;
export type ThresholdOp = "gte" | "lte";
export type Threshold = { metric: string; op: ThresholdOp; value: number };

export const OP_SYMBOL: Record<ThresholdOp, string> = { gte: "≥", lte: "≤" };

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function lines(text: string): { n: number; line: string }[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ n: i + 1, line: line.trim() }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

function number(raw: string): number | null {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function parseMetrics(text: string): Parsed<Metrics> {
  const errors: string[] = [];
  const metrics: Metrics = {};
  for (const { n, line } of lines(text)) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(line);
    const name = m?.[1]?.toLowerCase();
    const value = m ? number(m[2]!) : null;
    if (!m || !name) errors.push(`Line ${n}: write it as "name = number".`);
    else if (!METRIC_NAME.test(name)) errors.push(`Line ${n}: "${name}" is not a metric name (letters, digits, _ and .).`);
    else if (value === null) errors.push(`Line ${n}: "${m[2]}" is not a number.`);
    else if (name in metrics) errors.push(`Line ${n}: ${name} is given twice.`);
    else metrics[name] = value;
  }
  if (Object.keys(metrics).length > MAX_METRICS) errors.push(`At most ${MAX_METRICS} metrics.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: metrics };
}

export function parseThresholds(text: string): Parsed<Threshold[]> {
  const errors: string[] = [];
  const thresholds: Threshold[] = [];
  for (const { n, line } of lines(text)) {
    const m = /^([^<>=≥≤\s]+)\s*(>=|≥|<=|≤)\s*(\S+)$/.exec(line);
    const metric = m?.[1]?.toLowerCase();
    const value = m ? number(m[3]!) : null;
    if (!m || !metric) errors.push(`Line ${n}: write it as "metric >= number" or "metric <= number".`);
    else if (!METRIC_NAME.test(metric)) errors.push(`Line ${n}: "${metric}" is not a metric name.`);
    else if (value === null) errors.push(`Line ${n}: "${m[3]}" is not a number.`);
    else if (thresholds.some((t) => t.metric === metric)) errors.push(`Line ${n}: ${metric} has two thresholds.`);
    else thresholds.push({ metric, op: m[2] === ">=" || m[2] === "≥" ? "gte" : "lte", value });
  }
  if (thresholds.length > MAX_METRICS) errors.push(`At most ${MAX_METRICS} thresholds.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: thresholds };
}

export function formatMetrics(metrics: Metrics): string {
  return Object.entries(metrics)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name} = ${value}`)
    .join("\n");
}

export function formatThresholds(thresholds: readonly Threshold[]): string {
  return thresholds.map((t) => `${t.metric} ${t.op === "gte" ? ">=" : "<="} ${t.value}`).join("\n");
}

export function meets(value: number, threshold: Threshold): boolean {
  return threshold.op === "gte" ? value >= threshold.value : value <= threshold.value;
}
