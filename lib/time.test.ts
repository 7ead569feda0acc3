import { describe, expect, it } from "vitest";
import { addDays, addHours, dayStart, daysBetween, isoDay, minutesBetween, shiftDay, startOfUtcDay, startOfUtcHour } from "./time";

describe("time", () => {
  const t = new Date("2026-03-29T01:30:15.250Z");

  it("truncates to the UTC hour and day", () => {
    expect(startOfUtcHour(t).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(startOfUtcDay(t).toISOString()).toBe("2026-03-29T00:00:00.000Z");
  });

  it("adds days and hours in UTC, whatever the local zone's daylight saving does", () => {
    expect(addDays(t, -1).toISOString()).toBe("2026-03-28T01:30:15.250Z");
    expect(addHours(t, 24).toISOString()).toBe("2026-03-30T01:30:15.250Z");
  });

  it("moves calendar days across month and year ends", () => {
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftDay("2028-03-01", -1)).toBe("2028-02-29");
    expect(isoDay(dayStart("2026-07-04"))).toBe("2026-07-04");
  });

  it("measures spans in days and minutes", () => {
    expect(daysBetween(dayStart("2026-01-01"), dayStart("2026-01-31"))).toBe(30);
    expect(minutesBetween(t, addHours(t, 2))).toBe(120);
  });
});
