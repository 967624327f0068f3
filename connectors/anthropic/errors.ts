/**
 * Maps what the Anthropic SDK throws to Periscope's error codes, so the scan knows whether to
 * retry, give up or mark a stream not evaluated. Messages name the endpoint, status and the
 * API's own message with anything key-shaped redacted; never request headers.
 */
import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { PeriscopeError } from '../../scanner/errors.ts';

/** Anything that looks like an Anthropic key, cut down to its prefix. */
export function redactKeys(text: string): string {
  return text.replace(
    /sk-ant-[A-Za-z0-9]+-[A-Za-z0-9_-]+/g,
    (key) => `${key.split('-').slice(0, 3).join('-')}-…`,
  );
}

export function toAnthropicError(error: unknown, endpoint: string): PeriscopeError {
  if (error instanceof PeriscopeError) return error;
  const say = (status: number | string, what: string) =>
    redactKeys(`anthropic ${endpoint} → HTTP ${status}: ${what}`).slice(0, 400);
  const details = (status: number | null) => ({ provider: 'anthropic', endpoint, status });
  if (error instanceof APIUserAbortError)
    return new PeriscopeError('cancelled', `anthropic ${endpoint}: cancelled`);
  if (error instanceof APIConnectionError) {
    return new PeriscopeError('network', say('no response', error.message), details(null));
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const vendor = `${error.type ?? 'error'}: ${error.apiMessage ?? 'no message'}`;
    if (status === 401) {
      return new PeriscopeError(
        'auth_failed',
        say(status, `the admin key was rejected (${vendor})`),
        details(status),
      );
    }
    if (status === 403) {
      return new PeriscopeError(
        'permission_denied',
        say(status, `an Admin API key of an organization admin is needed (${vendor})`),
        details(status),
      );
    }
    if (status === 404) return new PeriscopeError('not_found', say(status, vendor), details(status));
    if (status === 429) return new PeriscopeError('rate_limited', say(status, vendor), details(status));
    if (status >= 500) return new PeriscopeError('vendor_error', say(status, vendor), details(status));
    // 400: the API rejected our request; the same request will not succeed on retry.
    return new PeriscopeError('internal', say(status, vendor), details(status));
  }
  if (error instanceof SyntaxError) {
    return new PeriscopeError(
      'malformed_response',
      say(200, `body is not JSON: ${error.message}`),
      details(200),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PeriscopeError('internal', say('?', message), details(null), { cause: error });
}

export function malformedResponse(endpoint: string, problem: string): PeriscopeError {
  return new PeriscopeError(
    'malformed_response',
    redactKeys(`anthropic ${endpoint}: malformed body: ${problem}`).slice(0, 400),
    {
      provider: 'anthropic',
      endpoint,
    },
  );
}
