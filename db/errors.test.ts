import { describe, expect, it } from "vitest";
import { isRetryableConflict, isUniqueViolation, pgErrorCode } from "./errors";

describe("pg errors", () => {
  const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("db"), { code }) });

  it("finds the SQLSTATE through a wrapper", () => {
    expect(pgErrorCode(wrapped("23505"))).toBe("23505");
    expect(pgErrorCode(new Error("no code"))).toBeNull();
    expect(pgErrorCode(Object.assign(new Error("node"), { code: "ECONNREFUSED" }))).toBeNull();
  });

  it("names unique violations and retryable conflicts", () => {
    expect(isUniqueViolation(wrapped("23505"))).toBe(true);
    expect(isUniqueViolation(wrapped("23503"))).toBe(false);
    expect(isRetryableConflict(wrapped("40P01"))).toBe(true);
    expect(isRetryableConflict(wrapped("40001"))).toBe(true);
    expect(isRetryableConflict(wrapped("23505"))).toBe(false);
  });
});
