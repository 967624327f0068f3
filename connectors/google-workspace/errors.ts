/**
 * Maps what googleapis/gaxios throw to Periscope's error codes. Google reports most quota
 * errors as 403 with a reason, permission problems as 403 too, and token-endpoint refusals as
 * OAuth errors (`invalid_grant`, `unauthorized_client`). Messages name the call and quote
 * Google's message; never the request config (it carries the bearer token).
 */
import { PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';

/** 403 reasons that mean "slow down" rather than "not allowed" (research §1.3). */
const RATE_REASONS = new Set([
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
]);

interface GoogleErrorShape {
  status: number | null;
  /** `errors[0].reason`, the OAuth `error`, or the newer `status` (PERMISSION_DENIED). */
  reason: string | null;
  message: string;
  /** The refusal came from the token endpoint (impersonation/delegation), not from an API. */
  fromTokenEndpoint: boolean;
}

export function describeGoogleError(error: unknown): GoogleErrorShape {
  const response = (error as { response?: { status?: number; data?: unknown } })?.response;
  const data = response?.data as
    | {
        error?: string | { message?: string; status?: string; errors?: Array<{ reason?: string }> };
        error_description?: string;
      }
    | undefined;
  if (typeof data?.error === 'string') {
    return {
      status: response?.status ?? null,
      reason: data.error,
      message: (data.error_description ?? data.error).slice(0, 200),
      fromTokenEndpoint: true,
    };
  }
  const envelope = typeof data?.error === 'object' ? data.error : undefined;
  return {
    status: response?.status ?? null,
    reason: envelope?.errors?.[0]?.reason ?? envelope?.status ?? null,
    message: (envelope?.message ?? (error instanceof Error ? error.message : String(error))).slice(0, 200),
    fromTokenEndpoint: false,
  };
}

/** Worth another try after a pause: quota, 429, 5xx, or no response at all. */
export function isRetryable(shape: GoogleErrorShape): boolean {
  if (shape.fromTokenEndpoint) return shape.status === null || shape.status >= 500;
  if (shape.status === null) return true;
  if (shape.status === 429 || shape.status >= 500) return true;
  return shape.status === 403 && shape.reason !== null && RATE_REASONS.has(shape.reason);
}

export interface CallSite {
  /** `GET /drive/v3/files` style label. */
  call: string;
  /** Who was impersonated. */
  subject: string;
  scopes: readonly string[];
}

/** The impersonated user could not be used: unknown, suspended or deleted. */
export class SubjectRejectedError extends StreamUnavailableError {
  constructor(
    readonly subject: string,
    message: string,
  ) {
    super('impersonation_refused', message);
    this.name = 'SubjectRejectedError';
  }
}

export function toGoogleError(error: unknown, site: CallSite): PeriscopeError {
  if (error instanceof PeriscopeError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new PeriscopeError('cancelled', `google-workspace ${site.call}: cancelled`);
  }
  const shape = describeGoogleError(error);
  const details = {
    provider: 'google-workspace',
    endpoint: site.call,
    status: shape.status,
    reason: shape.reason,
  };
  if (shape.fromTokenEndpoint) {
    if (shape.reason === 'unauthorized_client') {
      return new StreamUnavailableError(
        'scope_not_delegated',
        `google-workspace: the service account may not use ${site.scopes.join(' ')} as ${site.subject}; add the scope to its domain-wide delegation (Admin console > Security > API controls) — Google said: ${shape.message}`,
      );
    }
    if (shape.reason === 'invalid_grant') {
      return new SubjectRejectedError(
        site.subject,
        `google-workspace: cannot impersonate ${site.subject} (unknown, suspended or deleted user) — Google said: ${shape.message}`,
      );
    }
    if (shape.status !== null && shape.status < 500) {
      return new PeriscopeError(
        'auth_failed',
        `google-workspace token endpoint → HTTP ${shape.status}: ${shape.reason}: ${shape.message}`,
        details,
      );
    }
  }
  const say = (what: string) =>
    `google-workspace ${site.call} as ${site.subject} → HTTP ${shape.status}: ${what}`;
  if (shape.status === null)
    return new PeriscopeError('network', say(shape.message), details, { cause: error });
  if (shape.status === 401) return new PeriscopeError('auth_failed', say(shape.message), details);
  if (isRetryable(shape)) {
    const code = shape.status >= 500 && shape.status !== 503 ? 'vendor_error' : 'rate_limited';
    return new PeriscopeError(code, say(`${shape.reason ?? ''} ${shape.message}`.trim()), details);
  }
  if (shape.status === 403) {
    return new PeriscopeError(
      'permission_denied',
      say(`${shape.reason ?? 'forbidden'}: ${shape.message}`),
      details,
    );
  }
  if (shape.status === 404) return new PeriscopeError('not_found', say(shape.message), details);
  // 400/410: Google rejected the request itself; the same request will not do better.
  return new PeriscopeError('internal', say(`${shape.reason ?? 'bad request'}: ${shape.message}`), details);
}
