/**
 * Maps what Octokit throws to Periscope's error codes, so the scan knows whether to retry,
 * give up, or mark a stream not evaluated. Messages name the endpoint and status and quote
 * GitHub's message; never request headers (they carry the token).
 */
import { PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';
import { githubManifest } from './manifest.ts';

/** How a stream reads a 404: the feature or plan is absent (not a failure) rather than a bug. */
export interface NotFoundMeaning {
  reason: string;
  message: string;
}

export function endpointOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/**
 * The part of Octokit's RequestError we read. Duck-typed: @octokit/request-error is only a
 * transitive dependency, and a second copy of it would defeat `instanceof`.
 */
export interface RequestError extends Error {
  status: number;
  response?: { status: number; headers: Record<string, string | undefined>; data: unknown };
}

export function isRequestError(error: unknown): error is RequestError {
  return (
    error instanceof Error && error.name === 'HttpError' && typeof (error as RequestError).status === 'number'
  );
}

function vendorMessage(error: RequestError): string {
  const data = error.response?.data;
  const message =
    typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : error.message;
  return message.slice(0, 200);
}

function isRateLimit(error: RequestError): boolean {
  const headers = error.response?.headers ?? {};
  return (
    headers[githubManifest.rateLimitHeaders.remaining] === '0' ||
    githubManifest.secondaryRateLimitPattern.test(error.message)
  );
}

export function toGitHubError(error: unknown, url: string, notFound?: NotFoundMeaning): PeriscopeError {
  if (error instanceof PeriscopeError) return error;
  const endpoint = `GET ${endpointOf(url)}`;
  if (error instanceof Error && error.name === 'AbortError') {
    return new PeriscopeError('cancelled', `github ${endpoint}: cancelled`, {}, { cause: error });
  }
  if (!isRequestError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PeriscopeError('internal', `github ${endpoint}: ${message}`, {}, { cause: error });
  }
  const status = error.status;
  const details = { provider: 'github', endpoint, status };
  const say = (what: string) => `github ${endpoint} → HTTP ${status}: ${what}`;
  // Octokit reports a failed fetch (reset, DNS, timeout) as status 500 without a response.
  if (!error.response) return new PeriscopeError('network', say(error.message), details, { cause: error });
  if (status === 401) return new PeriscopeError('auth_failed', say(vendorMessage(error)), details);
  if ((status === 403 || status === 429) && isRateLimit(error)) {
    return new PeriscopeError('rate_limited', say(vendorMessage(error)), details);
  }
  if (status === 403) {
    const wanted = error.response.headers[githubManifest.rateLimitHeaders.acceptedPermissions];
    return new PeriscopeError('permission_denied', say(vendorMessage(error)), {
      ...details,
      wanted: wanted ?? null,
    });
  }
  if (status === 404 && notFound) return new StreamUnavailableError(notFound.reason, say(notFound.message));
  if (status === 404) return new PeriscopeError('not_found', say(vendorMessage(error)), details);
  if (status === 429) return new PeriscopeError('rate_limited', say(vendorMessage(error)), details);
  if (status >= 500) return new PeriscopeError('vendor_error', say(vendorMessage(error)), details);
  // 400/410/422: GitHub rejected our request; retrying the same request will not help.
  return new PeriscopeError('internal', say(vendorMessage(error)), details);
}

export function malformedResponse(url: string, status: number, problem: string): PeriscopeError {
  const endpoint = `GET ${endpointOf(url)}`;
  return new PeriscopeError(
    'malformed_response',
    `github ${endpoint} → HTTP ${status}: malformed body: ${problem}`,
    {
      provider: 'github',
      endpoint,
      status,
    },
  );
}
