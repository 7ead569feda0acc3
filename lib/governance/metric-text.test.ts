import { describe, expect, it } from "vitest";
import { formatMetrics, formatThresholds, meets, parseMetrics, parseThresholds } from "./metric-text";

describe("parseMetrics", () => {
  it("reads name = value lines, ignoring blanks and comments, lower-casing names", () => {
    expect(parseMetrics("Accuracy = 0.93\n\n# offline eval\nf1: .88\nlatency_p95_ms=120\nauc = 9e-1")).toEqual({
      ok: true,
      value: { accuracy: 0.93, f1: 0.88, latency_p95_ms: 120, auc: 0.9 },
    });
  });

  it("names the line of each mistake", () => {
    const result = parseMetrics("accuracy = high\n= 3\naccuracy = 0.9\nf1 = 0.8\nf1 = 0.7\n9lives = 1");
    expect(result).toEqual({
      ok: false,
      errors: [
        'Line 1: "high" is not a number.',
        'Line 2: write it as "name = number".',
        "Line 5: f1 is given twice.",
        'Line 6: "9lives" is not a metric name (letters, digits, _ and .).',
      ],
    });
  });

  it("refuses infinities and NaN", () => {
    expect(parseMetrics("a = Infinity").ok).toBe(false);
    expect(parseMetrics("a = NaN").ok).toBe(false);
    expect(parseMetrics("a = 1e999").ok).toBe(false);
  });

  it("round-trips through formatMetrics", () => {
    const metrics = { f1: 0.88, accuracy: 0.93 };
    expect(formatMetrics(metrics)).toBe("accuracy = 0.93\nf1 = 0.88");
    expect(parseMetrics(formatMetrics(metrics))).toEqual({ ok: true, value: { accuracy: 0.93, f1: 0.88 } });
  });
});

describe("parseThresholds", () => {
  it("reads >=, <=, ≥ and ≤", () => {
    expect(parseThresholds("accuracy >= 0.9\nlatency_p95_ms ≤ 150\nf1≥0.8")).toEqual({
      ok: true,
      value: [
        { metric: "accuracy", op: "gte", value: 0.9 },
        { metric: "latency_p95_ms", op: "lte", value: 150 },
        { metric: "f1", op: "gte", value: 0.8 },
      ],
    });
    expect(formatThresholds([{ metric: "accuracy", op: "gte", value: 0.9 }])).toBe("accuracy >= 0.9");
  });

  it("refuses other operators and duplicates", () => {
    expect(parseThresholds("accuracy > 0.9")).toMatchObject({ ok: false });
    expect(parseThresholds("a >= 1\na <= 2")).toEqual({ ok: false, errors: ["Line 2: a has two thresholds."] });
  });

  it("compares in the threshold's direction, boundaries included", () => {
    expect(meets(0.9, { metric: "a", op: "gte", value: 0.9 })).toBe(true);
    expect(meets(0.89, { metric: "a", op: "gte", value: 0.9 })).toBe(false);
    expect(meets(150, { metric: "l", op: "lte", value: 150 })).toBe(true);
    expect(meets(151, { metric: "l", op: "lte", value: 150 })).toBe(false);
  });
});
