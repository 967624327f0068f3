/**
 * One error type with a stable code. The code decides what happens next: unrecoverable codes
 * stop retries (bad credentials do not fix themselves), retryable ones back off and try again,
 * and `unavailable` marks a stream the tenant cannot offer (plan, permission) so its rules are
 * reported as not evaluated instead of failing.
 */
export const errorCodes = {
  auth_failed: { retryable: false },
  permission_denied: { retryable: false },
  config_invalid: { retryable: false },
  not_found: { retryable: false },
  unavailable: { retryable: false },
  malformed_response: { retryable: false },
  rate_limited: { retryable: true },
  vendor_error: { retryable: true },
  network: { retryable: true },
  cancelled: { retryable: false },
  internal: { retryable: false },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class PeriscopeError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PeriscopeError';
    this.code = code;
    this.details = details;
  }

  get retryable(): boolean {
    return errorCodes[this.code].retryable;
  }
}

/** Thrown by a stream whose data this tenant cannot provide; `reason` becomes the not-evaluated reason. */
export class StreamUnavailableError extends PeriscopeError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('unavailable', message, { reason });
    this.name = 'StreamUnavailableError';
  }
}

export function isPeriscopeError(error: unknown): error is PeriscopeError {
  return error instanceof PeriscopeError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
