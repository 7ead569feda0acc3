import { describe, expect, it } from "vitest";
import { generateSchedule, generateSlots, intervalContaining, planSchedule, type ExistingOccurrence, type Slot } from "./schedule";

const YEAR_2026 = { startsOn: "2026-01-01", endsOn: "2026-12-31" };
const dues = (slots: Slot[]) => slots.map((s) => s.dueOn);

describe("generateSlots", () => {
  it("monthly: one test per calendar month, due day 31 on each month's last day (February included)", () => {
    const slots = generateSlots(YEAR_2026, { frequency: "monthly", dueDay: 31 });
    expect(dues(slots)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
      "2026-11-30",
      "2026-12-31",
    ]);
    expect(slots[1]).toEqual({ windowStart: "2026-02-01", windowEnd: "2026-02-28", dueOn: "2026-02-28" });
  });

  it("monthly: a clamped February does not drift the rest of the year", () => {
    expect(dues(generateSlots({ startsOn: "2026-01-01", endsOn: "2026-04-30" }, { frequency: "monthly", dueDay: 30 }))).toEqual([
      "2026-01-30",
      "2026-02-28",
      "2026-03-30",
      "2026-04-30",
    ]);
  });

  it("leap years: the 29th exists in February 2028, not in 2027", () => {
    const slots = generateSlots({ startsOn: "2027-01-01", endsOn: "2028-03-31" }, { frequency: "monthly", dueDay: 29 });
    expect(slots.find((s) => s.windowStart === "2027-02-01")!.dueOn).toBe("2027-02-28");
    expect(slots.find((s) => s.windowStart === "2028-02-01")).toEqual({
      windowStart: "2028-02-01",
      windowEnd: "2028-02-29",
      dueOn: "2028-02-29",
    });
  });

  it("quarterly: calendar quarters, cut to a period that starts mid-quarter", () => {
    const slots = generateSlots({ startsOn: "2026-02-15", endsOn: "2027-02-14" }, { frequency: "quarterly", dueDay: 15 });
    expect(slots).toEqual([
      { windowStart: "2026-02-15", windowEnd: "2026-03-31", dueOn: "2026-03-15" },
      { windowStart: "2026-04-01", windowEnd: "2026-06-30", dueOn: "2026-06-15" },
      { windowStart: "2026-07-01", windowEnd: "2026-09-30", dueOn: "2026-09-15" },
      { windowStart: "2026-10-01", windowEnd: "2026-12-31", dueOn: "2026-12-15" },
      // The last quarter is cut at the period's end: its due day is pulled into the window.
      { windowStart: "2027-01-01", windowEnd: "2027-02-14", dueOn: "2027-02-14" },
    ]);
  });

  it("weekly: ISO weeks, Monday to Sunday, due on the Sunday, across New Year", () => {
    const slots = generateSlots({ startsOn: "2026-12-21", endsOn: "2027-01-17" }, { frequency: "weekly", dueDay: 31 });
    expect(slots).toEqual([
      { windowStart: "2026-12-21", windowEnd: "2026-12-27", dueOn: "2026-12-27" },
      { windowStart: "2026-12-28", windowEnd: "2027-01-03", dueOn: "2027-01-03" },
      { windowStart: "2027-01-04", windowEnd: "2027-01-10", dueOn: "2027-01-10" },
      { windowStart: "2027-01-11", windowEnd: "2027-01-17", dueOn: "2027-01-17" },
    ]);
  });

  it("weekly: a period starting mid-week gets a short first week; a year has 52 or 53", () => {
    const slots = generateSlots(YEAR_2026, { frequency: "weekly", dueDay: 1 });
    // 1 Jan 2026 is a Thursday: the first window is Thu–Sun, the last is cut on 31 Dec.
    expect(slots[0]).toEqual({ windowStart: "2026-01-01", windowEnd: "2026-01-04", dueOn: "2026-01-04" });
    expect(slots.at(-1)).toEqual({ windowStart: "2026-12-28", windowEnd: "2026-12-31", dueOn: "2026-12-31" });
    expect(slots).toHaveLength(53);
  });

  it("a period across New Year keeps going: monthly July to June", () => {
    const slots = generateSlots({ startsOn: "2026-07-01", endsOn: "2027-06-30" }, { frequency: "monthly", dueDay: 31 });
    expect(slots).toHaveLength(12);
    expect(slots.map((s) => s.windowStart.slice(0, 7))).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
    ]);
    expect(slots[7]!.dueOn).toBe("2027-02-28");
  });

  it("annually: one test per audit year from the period's start, even across New Year", () => {
    expect(generateSlots({ startsOn: "2026-07-01", endsOn: "2027-06-30" }, { frequency: "annually", dueDay: 31 })).toEqual([
      { windowStart: "2026-07-01", windowEnd: "2027-06-30", dueOn: "2027-06-30" },
    ]);
    // Two years from 29 Feb 2028: the second audit year starts on 28 Feb 2029.
    expect(generateSlots({ startsOn: "2028-02-29", endsOn: "2030-02-27" }, { frequency: "annually", dueDay: 15 })).toEqual([
      { windowStart: "2028-02-29", windowEnd: "2029-02-27", dueOn: "2029-02-15" },
      { windowStart: "2029-02-28", windowEnd: "2030-02-27", dueOn: "2030-02-15" },
    ]);
  });

  it("a one-day period has one test of each frequency, due that day", () => {
    for (const frequency of ["weekly", "monthly", "quarterly", "annually"] as const) {
      expect(generateSlots({ startsOn: "2026-05-13", endsOn: "2026-05-13" }, { frequency, dueDay: 31 })).toEqual([
        { windowStart: "2026-05-13", windowEnd: "2026-05-13", dueOn: "2026-05-13" },
      ]);
    }
  });

  it("windows tile the period with no gap and no overlap", () => {
    for (const frequency of ["weekly", "monthly", "quarterly", "annually"] as const) {
      const period = { startsOn: "2025-11-17", endsOn: "2028-03-03" };
      const slots = generateSlots(period, { frequency, dueDay: 17 });
      expect(slots[0]!.windowStart).toBe(period.startsOn);
      expect(slots.at(-1)!.windowEnd).toBe(period.endsOn);
      for (let i = 1; i < slots.length; i++) {
        const prevEnd = new Date(`${slots[i - 1]!.windowEnd}T00:00:00Z`).getTime();
        expect(new Date(`${slots[i]!.windowStart}T00:00:00Z`).getTime() - prevEnd).toBe(86_400_000);
      }
      for (const s of slots) expect(s.windowStart <= s.dueOn && s.dueOn <= s.windowEnd).toBe(true);
    }
  });

  it("does not depend on the process time zone", () => {
    const before = process.env.TZ;
    try {
      const results = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"].map((tz) => {
        process.env.TZ = tz;
        return generateSlots(YEAR_2026, { frequency: "weekly", dueDay: 31 });
      });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe("generateSchedule", () => {
  it("gives each control its own rule's slots", () => {
    const out = generateSchedule(YEAR_2026, [
      { id: "a", frequency: "monthly" as const, dueDay: 31 },
      { id: "b", frequency: "quarterly" as const, dueDay: 31 },
      { id: "c", frequency: "monthly" as const, dueDay: 31 },
    ]);
    expect(out.map((o) => [o.control.id, o.slots.length])).toEqual([
      ["a", 12],
      ["b", 4],
      ["c", 12],
    ]);
  });
});

describe("planSchedule", () => {
  const monthly = { frequency: "monthly" as const, dueDay: 31 };
  const asExisting = (slots: Slot[], recordedUntil = ""): ExistingOccurrence[] =>
    slots.map((s, i) => ({ ...s, id: `o${i}`, recorded: s.windowStart <= recordedUntil }));

  it("a first generation adds every slot", () => {
    expect(planSchedule(YEAR_2026, monthly, [], "2026-03-10")).toEqual({ remove: [], add: generateSlots(YEAR_2026, monthly) });
  });

  it("regenerating is idempotent", () => {
    const existing = asExisting(generateSlots(YEAR_2026, monthly));
    expect(planSchedule(YEAR_2026, monthly, existing, "2026-03-10")).toEqual({ remove: [], add: [] });
  });

  it("fills in only what is missing (a deleted future month comes back, nothing else)", () => {
    const existing = asExisting(generateSlots(YEAR_2026, monthly)).filter((o) => o.windowStart !== "2026-09-01");
    expect(planSchedule(YEAR_2026, monthly, existing, "2026-03-10")).toEqual({
      remove: [],
      add: [{ windowStart: "2026-09-01", windowEnd: "2026-09-30", dueOn: "2026-09-30" }],
    });
  });

  it("monthly → quarterly reschedules only future, unrecorded occurrences", () => {
    // Today is 10 May: Jan–Apr are recorded, May is current (not recorded), Jun–Dec future.
    const existing = asExisting(generateSlots(YEAR_2026, monthly), "2026-04-01");
    const plan = planSchedule(YEAR_2026, { frequency: "quarterly", dueDay: 31 }, existing, "2026-05-10");
    // May stays although unrecorded, because it has started. What is left of Q2 after it is
    // June, which the existing June occurrence already is; July onwards becomes quarters.
    expect(plan.remove).toEqual(["o6", "o7", "o8", "o9", "o10", "o11"]);
    expect(plan.add).toEqual([
      { windowStart: "2026-07-01", windowEnd: "2026-09-30", dueOn: "2026-09-30" },
      { windowStart: "2026-10-01", windowEnd: "2026-12-31", dueOn: "2026-12-31" },
    ]);
    // And after applying the plan, regenerating changes nothing.
    const applied = [
      ...existing.filter((o) => !plan.remove.includes(o.id)),
      ...plan.add.map((s, i) => ({ ...s, id: `n${i}`, recorded: false })),
    ];
    expect(planSchedule(YEAR_2026, { frequency: "quarterly", dueDay: 31 }, applied, "2026-05-10")).toEqual({ remove: [], add: [] });
  });

  it("quarterly → monthly keeps the current quarter and starts monthly after it", () => {
    const quarterly = { frequency: "quarterly" as const, dueDay: 31 };
    const existing = asExisting(generateSlots(YEAR_2026, quarterly), "2026-01-01");
    const plan = planSchedule(YEAR_2026, monthly, existing, "2026-05-10");
    expect(plan.remove).toEqual(["o2", "o3"]);
    expect(plan.add.map((s) => s.windowStart)).toEqual([
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
    ]);
  });

  it("never removes a recorded occurrence, even in the future", () => {
    const existing = asExisting(generateSlots(YEAR_2026, monthly));
    existing[10]!.recorded = true; // November, recorded early
    const plan = planSchedule(YEAR_2026, { frequency: "quarterly", dueDay: 31 }, existing, "2026-05-10");
    // Q4 around the recorded November is October and December: the monthly occurrences
    // already there are exactly that, so they stay too.
    // (June is what is left of Q2 after the started May, and already exists.)
    expect(plan.remove).toEqual(["o6", "o7", "o8"]);
    expect(plan.add).toEqual([{ windowStart: "2026-07-01", windowEnd: "2026-09-30", dueOn: "2026-09-30" }]);
  });

  it("a due-day change moves only future, unrecorded due dates", () => {
    const existing = asExisting(generateSlots(YEAR_2026, monthly));
    const plan = planSchedule(YEAR_2026, { frequency: "monthly", dueDay: 15 }, existing, "2026-10-20");
    expect(plan.remove).toEqual(["o10", "o11"]);
    expect(dues(plan.add)).toEqual(["2026-11-15", "2026-12-15"]);
  });
});

describe("intervalContaining", () => {
  it("finds the calendar interval of each frequency", () => {
    expect(intervalContaining("weekly", "2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
    expect(intervalContaining("monthly", "2028-02-10")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(intervalContaining("quarterly", "2026-11-26")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(intervalContaining("annually", "2026-11-26")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
  });
});
