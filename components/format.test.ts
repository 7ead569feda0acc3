import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatElapsed,
  formatFixedPercent,
  formatMinutes,
  formatMs,
  formatPercent,
  formatUtc,
  humanize,
} from "./format";

describe("format", () => {
  it("writes UTC instants at the chosen precision, and a dash for none", () => {
    const t = "2025-03-04T13:05:09.123Z";
    expect(formatUtc(t)).toBe("2025-03-04 13:05 UTC");
    expect(formatUtc(new Date(t), "second")).toBe("2025-03-04 13:05:09 UTC");
    expect(formatUtc(Date.parse(t), "day")).toBe("2025-03-04");
    expect(formatDate(null)).toBe("—");
    expect(formatUtc(undefined)).toBe("—");
  });

  it("truncates percentages instead of rounding them up", () => {
    expect(formatPercent(99.996)).toBe("99.99%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(42.19)).toBe("42.1%");
    expect(formatPercent(-3.5)).toBe("−3.50%");
    expect(formatPercent(Number.NEGATIVE_INFINITY)).toBe("−∞%");
    expect(formatFixedPercent(99.9996)).toBe("100.000%");
    expect(formatFixedPercent(null)).toBe("—");
  });

  it("writes durations for tiles, timelines and progress", () => {
    expect(formatMinutes(0.5)).toBe("< 1 min");
    expect(formatMinutes(65)).toBe("1 h 5 min");
    expect(formatMinutes(51 * 60)).toBe("2 d 3 h");
    expect(formatMinutes(12 * 24 * 60 + 300)).toBe("12 d");
    expect(formatElapsed(0.5)).toBe("30 s");
    expect(formatElapsed(192)).toBe("3 h 12 min");
    expect(formatElapsed(Number.NaN)).toBe("—");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
    expect(formatMs(1250)).toBe("1.25 s");
    expect(formatMs(12_500)).toBe("12.5 s");
  });

  it("writes counts, sizes and words", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MiB");
    expect(humanize("in_progress")).toBe("In progress");
  });
});
