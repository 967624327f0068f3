/**
 * Maps what the Graph SDK throws (GraphError, or a fetch failure) to Periscope codes. A missing
 * application permission (403 Authorization_RequestDenied) names the permission the call needs;
 * a tenant without Entra ID P1/P2 makes sign-in data unavailable rather than failing.
 */
import { PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';

export interface GraphFailure {
  status: number | null;
  code: string | null;
  message: string;
  retryable: boolean;
  retryAfterMs: number | null;
  /** `Location` of a 410 Gone (a drive delta that must restart). */
  location: string | null;
}

export const NON_PREMIUM = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

function header(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  if (headers && typeof headers === 'object') {
    const value =
      (headers as Record<string, unknown>)[name] ?? (headers as Record<string, unknown>)[name.toLowerCase()];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

export function graphFailureOf(error: unknown): GraphFailure {
  const e = error as {
    statusCode?: number;
    code?: string;
    message?: string;
    body?: unknown;
    headers?: unknown;
  };
  const status = typeof e?.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : null;
  let code = typeof e?.code === 'string' ? e.code : null;
  let message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.body === 'string') {
    try {
      const parsed = JSON.parse(e.body) as { error?: { code?: string; message?: string } };
      code = parsed.error?.code ?? code;
      message = parsed.error?.message ?? message;
    } catch {
      // not JSON: keep what the SDK said
    }
  }
  const after = header(e?.headers, 'retry-after');
  const seconds = after === null ? Number.NaN : Number(after);
  const retryAfterMs = Number.isFinite(seconds)
    ? seconds * 1000
    : after
      ? Math.max(0, Date.parse(after) - Date.now())
      : null;
  return {
    status,
    code,
    message: message.slice(0, 240),
    retryable: status === null || status === 429 || status === 503 || status === 504 || status === 502,
    retryAfterMs: Number.isNaN(retryAfterMs ?? 0) ? null : retryAfterMs,
    location: header(e?.headers, 'location'),
  };
}

export function toGraphError(failure: GraphFailure, label: string, permission: string): PeriscopeError {
  const say = (what: string) => `microsoft-365 ${label} → HTTP ${failure.status ?? 'no response'}: ${what}`;
  const details = {
    provider: 'microsoft-365',
    endpoint: label,
    status: failure.status,
    code: failure.code,
    location: failure.location,
  };
  if (failure.status === null) return new PeriscopeError('network', say(failure.message), details);
  if (failure.status === 403 && failure.code === NON_PREMIUM) {
    return new StreamUnavailableError(
      'requires_entra_id_p1',
      say(`sign-in activity needs a Microsoft Entra ID P1 or P2 licence in the tenant (${failure.code})`),
    );
  }
  if (failure.status === 401)
    return new PeriscopeError('auth_failed', say(`${failure.code}: ${failure.message}`), details);
  if (failure.status === 403) {
    return new PeriscopeError(
      'permission_denied',
      say(
        `${failure.code ?? 'Forbidden'}: the app needs the ${permission} application permission (admin-consented): ${failure.message}`,
      ),
      { ...details, wanted: permission },
    );
  }
  if (failure.status === 429 || failure.status >= 500) {
    return new PeriscopeError(
      failure.status === 429 ? 'rate_limited' : 'vendor_error',
      say(`${failure.code}: ${failure.message}`),
      details,
    );
  }
  if (failure.status === 404 || failure.status === 410)
    return new PeriscopeError('not_found', say(`${failure.code}: ${failure.message}`), details);
  return new PeriscopeError('internal', say(`${failure.code}: ${failure.message}`), details);
}
