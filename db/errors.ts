/**
 * PostgreSQL errors by SQLSTATE, looked up through Drizzle's wrapper (`cause`): the one place
 * that knows the codes. https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function pgErrorCode(err: unknown): string | null {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** 23505: a unique index refused the row. */
export function isUniqueViolation(err: unknown): boolean {
  return pgErrorCode(err) === "23505";
}

/** 40P01 (deadlock detected) or 40001 (serialization failure): the transaction may simply be run again. */
export function isRetryableConflict(err: unknown): boolean {
  const code = pgErrorCode(err);
  return code === "40P01" || code === "40001";
}
