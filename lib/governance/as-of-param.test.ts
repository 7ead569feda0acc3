import { describe, expect, it } from "vitest";
import { parseAsOf, toPickerValue } from "./as-of-param";

describe("parseAsOf", () => {
  it("reads the picker's value as UTC, to the end of the second shown", () => {
    expect(parseAsOf("2026-05-01T12:30")).toEqual({ state: "ok", value: "2026-05-01T12:30", at: new Date("2026-05-01T12:30:00.999Z") });
    expect(parseAsOf(["2026-05-01T12:30:15", "ignored"])).toMatchObject({ state: "ok", at: new Date("2026-05-01T12:30:15.999Z") });
  });

  it("is empty without a value and refuses nonsense, including impossible dates", () => {
    expect(parseAsOf(undefined)).toEqual({ state: "empty" });
    expect(parseAsOf("  ")).toEqual({ state: "empty" });
    for (const bad of ["yesterday", "2026-02-30T10:00", "2026-05-01 12:30", "2026-05-01T25:00"])
      expect(parseAsOf(bad)).toMatchObject({ state: "invalid", value: bad });
  });

  it("round-trips the picker value", () => {
    expect(toPickerValue(new Date("2026-05-01T12:30:15.123Z"))).toBe("2026-05-01T12:30:15");
  });
});
