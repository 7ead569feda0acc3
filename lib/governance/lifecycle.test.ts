import { describe, expect, it } from "vitest";
import { isValidTransition, MODEL_STATUSES, nextStatus } from "./lifecycle";

describe("lifecycle", () => {
  it("moves one step forward at a time and stops at retired", () => {
    expect(MODEL_STATUSES.map(nextStatus)).toEqual(["testing", "staging", "production", "deprecated", "retired", null]);
  });

  it("accepts exactly the five forward steps", () => {
    const valid = MODEL_STATUSES.flatMap((from) => MODEL_STATUSES.filter((to) => isValidTransition(from, to)).map((to) => `${from}>${to}`));
    expect(valid).toEqual(["development>testing", "testing>staging", "staging>production", "production>deprecated", "deprecated>retired"]);
  });

  it("refuses skips, steps back, staying put and unknown statuses", () => {
    expect(isValidTransition("testing", "production")).toBe(false);
    expect(isValidTransition("production", "staging")).toBe(false);
    expect(isValidTransition("staging", "staging")).toBe(false);
    expect(isValidTransition("archived", "retired")).toBe(false);
    expect(isValidTransition("development", "archived")).toBe(false);
  });
});
