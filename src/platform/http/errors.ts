/** One catalogue of error codes: each has one HTTP status and one message pair in platform-messages. */
export const ERROR_STATUS = {
  bad_request: 400,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  organization_unknown: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: { retryAfterSeconds?: number; allow?: string[] } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

/** Form validation problems: shown on the same form, with the input kept (never an error page). */
export type FieldErrors = Record<string, string>;
