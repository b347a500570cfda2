/** One catalogue of error codes: each has one HTTP status and one message pair in platform-messages. */
export const ERROR_STATUS = {
  bad_request: 400,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  organization_unknown: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** `reason`: why a request is refused (403), for the log line; never shown to the visitor. */
    readonly details: { retryAfterSeconds?: number; allow?: string[]; reason?: string } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

/** Form validation problems: shown on the same form, with the input kept (never an error page). */
export type FieldErrors = Record<string, string>;

// Connection-level failures of the database (server restarting, failover, pool cannot connect): the request
// could not be served now but can be later, so the answer is 503 with Retry-After rather than an error.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(err.message);
}
