/**
 * Maps what the OpenAI SDK throws to Periscope codes. A key without a scope ("insufficient
 * permissions … Missing scopes") is a permission problem for that stream, not bad credentials;
 * an org without audit logging makes only the audit log unavailable. Vendor text is scrubbed of
 * key fragments: OpenAI's 401 quotes a masked piece of the key it refused.
 */
import OpenAI from 'openai';
import { isPeriscopeError, PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';

/** Removes anything shaped like a key (`sk-…`, also masked ones) from vendor text. */
export function scrubKeys(text: string): string {
  return text.replace(/sk-[A-Za-z0-9_*.-]+/g, 'sk-…').replace(/Bearer\s+\S+/gi, 'Bearer …');
}

interface VendorError {
  message: string;
  code: string | null;
}

function vendorError(error: InstanceType<typeof OpenAI.APIError>): VendorError {
  const body = error.error as
    | { message?: unknown; code?: unknown; error?: { message?: unknown; code?: unknown } }
    | undefined;
  const inner = body?.error ?? body;
  const message = typeof inner?.message === 'string' ? inner.message : error.message;
  return {
    message: scrubKeys(message).slice(0, 300),
    code: typeof inner?.code === 'string' ? inner.code : null,
  };
}

export function toOpenAIError(error: unknown, label: string): PeriscopeError {
  if (isPeriscopeError(error)) return error;
  const say = (status: number | string, what: string) => `openai ${label} → HTTP ${status}: ${what}`;
  const details = { provider: 'openai', endpoint: label };
  if (error instanceof OpenAI.APIUserAbortError)
    return new PeriscopeError('cancelled', `openai ${label}: cancelled`, details);
  if (error instanceof OpenAI.APIConnectionError)
    return new PeriscopeError('network', say('no response', scrubKeys(error.message)), details);
  if (error instanceof SyntaxError)
    return new PeriscopeError(
      'malformed_response',
      `openai ${label}: the response body is not valid JSON`,
      details,
    );
  if (!(error instanceof OpenAI.APIError))
    return new PeriscopeError(
      'internal',
      `openai ${label}: ${scrubKeys(error instanceof Error ? error.message : String(error))}`,
      details,
    );

  const status = error.status ?? 0;
  const vendor = vendorError(error);
  const withStatus = { ...details, status, code: vendor.code };
  if ((status === 401 || status === 403) && /insufficient permissions/i.test(vendor.message)) {
    const scope = /Missing scopes:\s*([\w.,\s]+?)\./i.exec(vendor.message)?.[1]?.trim() ?? null;
    return new PeriscopeError(
      'permission_denied',
      say(status, `the admin key lacks ${scope ? `the ${scope} scope` : 'a permission'} (${vendor.message})`),
      { ...withStatus, wanted: scope },
    );
  }
  if (
    status === 403 &&
    (vendor.code === 'audit_logging_disabled' || /audit log\w* is not enabled/i.test(vendor.message))
  ) {
    return new StreamUnavailableError(
      'audit_logging_disabled',
      say(
        status,
        `audit logging is off for the organization; an Owner can turn it on under Settings > Data controls (${vendor.message})`,
      ),
    );
  }
  if (status === 401) return new PeriscopeError('auth_failed', say(status, vendor.message), withStatus);
  if (status === 403) return new PeriscopeError('permission_denied', say(status, vendor.message), withStatus);
  if (status === 404) return new PeriscopeError('not_found', say(status, vendor.message), withStatus);
  if (status === 429) return new PeriscopeError('rate_limited', say(status, vendor.message), withStatus);
  if (status >= 500) return new PeriscopeError('vendor_error', say(status, vendor.message), withStatus);
  return new PeriscopeError('internal', say(status, vendor.message), withStatus);
}
