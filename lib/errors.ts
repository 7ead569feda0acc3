import type { AuditEvent } from "@/lib/audit/vocabulary";

/**
 * Expected failures, mapped once at each edge: to an ActionState in server actions and to
 * an RFC 9457 problem body in route handlers. Anything that is not an AppError is a bug:
 * it is logged and shown as a generic message.
 */
export type AppErrorCode = "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited";

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Seconds until a rate-limited caller may retry. */
  readonly retryAfter?: number;

  constructor(code: AppErrorCode, message: string, extra: { fieldErrors?: FieldErrors; retryAfter?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfter = extra.retryAfter;
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * A business rule refused the attempt (not yours to decide, already decided, out of order).
 * The verb's transaction rolls back, so nothing changes; `withTransaction` then writes the
 * refusal's event in its own transaction: refused attempts are audited too.
 */
export class RuleRefusal extends AppError {
  readonly audit: AuditEvent;
  constructor(code: "forbidden" | "conflict", message: string, audit: AuditEvent) {
    super(code, message);
    this.audit = audit;
  }
}

export function refuse(code: "forbidden" | "conflict", message: string, audit: AuditEvent): never {
  throw new RuleRefusal(code, message, audit);
}
