import { describe, expect, it } from "vitest";
import { volumeSeries } from "./volume-series";

describe("volumeSeries", () => {
  const today = new Date("2026-03-02T15:00:00Z");

  it("has one row per UTC day up to today, zeros where nothing happened, across a month end", () => {
    const s = volumeSeries([{ day: "2026-02-28", type: "login", count: 3 }], 3, today);
    expect(s.days.map((d) => d.day)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(s.days.map((d) => d.login)).toEqual([3, 0, 0]);
    expect(s.total).toBe(3);
  });

  it("orders types as the vocabulary does, unknown types last, and ignores days outside the window", () => {
    const s = volumeSeries(
      [
        { day: "2026-03-02", type: "custom_kind", count: 1 },
        { day: "2026-03-02", type: "data_export", count: 2 },
        { day: "2026-03-02", type: "login", count: 4 },
        { day: "2025-01-01", type: "login", count: 99 },
      ],
      2,
      today,
    );
    expect(s.types).toEqual(["login", "data_export", "custom_kind"]);
    expect(s.total).toBe(7);
  });
});
