/**
 * Maps what googleapis/gaxios, google-auth-library and @google/genai throw to Periscope's
 * codes. Both APIs answer Google Cloud's envelope `{error:{code, message, status, details}}`
 * (the reason sits in a google.rpc.ErrorInfo detail); the token endpoint answers OAuth's
 * `{error, error_description}`; genai carries the body as its ApiError's message. Messages
 * name the call and quote Google's message, never the request (it carries the token or key).
 */
import { PeriscopeError, StreamUnavailableError } from '../../scanner/errors.ts';
import { GEMINI_MANIFEST } from './manifest.ts';

export interface CallSite {
  api: 'apikeys' | 'gemini';
  /** `GET /v2/{parent}/keys` style label. */
  call: string;
  projectId: string;
  /** Service account (API Keys calls). */
  principal?: string;
}

export interface CloudErrorShape {
  status: number | null;
  /** ErrorInfo reason (IAM_PERMISSION_DENIED, API_KEY_INVALID …), else the OAuth error, else the status name. */
  reason: string | null;
  message: string;
  /** Google asked for this pause (Retry-After or RetryInfo). */
  retryAfterMs: number | null;
  /** The body was not JSON where JSON was due. */
  malformed: boolean;
  fromTokenEndpoint: boolean;
}

interface Envelope {
  error?:
    | string
    | {
        code?: number;
        message?: string;
        status?: string;
        details?: Array<{ '@type'?: string; reason?: string; retryDelay?: string }>;
      };
  error_description?: string;
}

const NETWORK_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

function parseJson(text: string): Envelope | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function seconds(text: string | null | undefined): number | null {
  const value = Number.parseFloat(text ?? '');
  return Number.isFinite(value) && value >= 0 ? value * 1000 : null;
}

export function describeCloudError(error: unknown): CloudErrorShape {
  const shape: CloudErrorShape = {
    status: null,
    reason: null,
    message: error instanceof Error ? error.message : String(error),
    retryAfterMs: null,
    malformed: error instanceof SyntaxError,
    fromTokenEndpoint: false,
  };
  const e = error as {
    name?: string;
    status?: number;
    response?: { status?: number; data?: unknown; headers?: unknown };
  };
  let body: Envelope | undefined;
  if (e?.response) {
    shape.status = e.response.status ?? null;
    body = typeof e.response.data === 'string' ? parseJson(e.response.data) : (e.response.data as Envelope);
    shape.retryAfterMs = seconds(headerOf(e.response.headers, 'retry-after'));
  } else if (e?.name === 'ApiError' && typeof e.status === 'number') {
    shape.status = e.status; // @google/genai: the message is the JSON body
    body = parseJson(shape.message);
  }
  if (typeof body?.error === 'string') {
    shape.reason = body.error;
    shape.message = body.error_description ?? body.error;
    shape.fromTokenEndpoint = true;
  } else if (body?.error) {
    const info = body.error.details?.find((d) => d['@type']?.endsWith('google.rpc.ErrorInfo'));
    const retry = body.error.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
    shape.reason = info?.reason ?? body.error.status ?? null;
    shape.message = body.error.message ?? shape.message;
    shape.retryAfterMs ??= seconds(retry?.retryDelay?.replace(/s$/, ''));
  }
  shape.message = shape.message.slice(0, 300);
  return shape;
}

function isNetworkFailure(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: string };
  const code = String(e?.code ?? e?.cause?.code ?? '');
  return NETWORK_CODE.test(code) || /fetch failed|socket|other side closed/i.test(e?.message ?? '');
}

/** Worth another try after a pause: quota, 429, 5xx, or no response at all. */
export function isRetryable(error: unknown, shape: CloudErrorShape): boolean {
  if (shape.malformed) return false;
  if (shape.status === null) return isNetworkFailure(error);
  if (shape.fromTokenEndpoint) return shape.status >= 500;
  return (
    shape.status === 429 ||
    shape.status >= 500 ||
    shape.reason === 'RATE_LIMIT_EXCEEDED' ||
    shape.reason === 'RESOURCE_EXHAUSTED'
  );
}

export function toGeminiError(error: unknown, site: CallSite): PeriscopeError {
  if (error instanceof PeriscopeError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new PeriscopeError('cancelled', `gemini ${site.call}: cancelled`);
  }
  const shape = describeCloudError(error);
  const details = { provider: 'gemini', endpoint: site.call, status: shape.status, reason: shape.reason };
  const say = (what: string) =>
    `gemini ${site.call} (project ${site.projectId}) → HTTP ${shape.status}: ${what}`;
  if (shape.malformed) {
    return new PeriscopeError(
      'malformed_response',
      `gemini ${site.call}: the response body is not valid JSON`,
      details,
    );
  }
  if (shape.status === null) {
    if (isNetworkFailure(error))
      return new PeriscopeError('network', `gemini ${site.call}: ${shape.message}`, details);
    return new PeriscopeError('internal', `gemini ${site.call}: ${shape.message}`, details);
  }
  if (
    site.api === 'gemini' &&
    (shape.reason?.startsWith('API_KEY_') || shape.status === 400 || shape.status === 401)
  ) {
    return new StreamUnavailableError(
      'gemini_api_key_rejected',
      `gemini: the Gemini API refused the connection's geminiApiKey (${shape.reason ?? shape.status}: ${shape.message}); give a key of project ${site.projectId} that may call ${GEMINI_MANIFEST.geminiService} from the scanner`,
    );
  }
  if (shape.status === 401) return new PeriscopeError('auth_failed', say(shape.message), details);
  if (site.api === 'apikeys' && shape.status === 403) {
    if (shape.reason === 'SERVICE_DISABLED') {
      return new StreamUnavailableError(
        'api_not_enabled',
        `gemini: the API Keys API (apikeys.googleapis.com) is not enabled on project ${site.projectId}; enable it to read the project's keys — Google said: ${shape.message}`,
      );
    }
    if (shape.reason === 'IAM_PERMISSION_DENIED' || shape.reason === 'PERMISSION_DENIED') {
      return new StreamUnavailableError(
        'missing_permission',
        `gemini: the service account ${site.principal ?? ''} lacks ${GEMINI_MANIFEST.listKeysPermission} on project ${site.projectId}; grant it ${GEMINI_MANIFEST.listKeysRole} (API Keys Viewer) — Google said: ${shape.message}`,
      );
    }
  }
  if (isRetryable(error, shape)) {
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
  return new PeriscopeError('internal', say(`${shape.reason ?? 'bad request'}: ${shape.message}`), details);
}

/**
 * The service account could not get a token: the token endpoint refused the grant, or the key
 * could not sign one. Names the account and the reason code only, never key material.
 */
export function toTokenError(error: unknown, principal: string): PeriscopeError {
  const shape = describeCloudError(error);
  if (shape.status === null && isNetworkFailure(error)) {
    return new PeriscopeError('network', `gemini token endpoint: ${shape.message}`, { provider: 'gemini' });
  }
  if (shape.status !== null && shape.status >= 500) {
    return new PeriscopeError(
      'vendor_error',
      `gemini token endpoint → HTTP ${shape.status}: ${shape.message}`,
      {
        provider: 'gemini',
      },
    );
  }
  if (shape.status !== null) {
    return new PeriscopeError(
      'auth_failed',
      `gemini: Google refused a token for service account ${principal} (HTTP ${shape.status} ${shape.reason ?? ''}: ${shape.message}); check that the key is current and not deleted`,
      { provider: 'gemini', status: shape.status, reason: shape.reason },
    );
  }
  const code = String((error as { code?: unknown })?.code ?? (error instanceof Error ? error.name : 'error'));
  return new PeriscopeError(
    'auth_failed',
    `gemini: the private key of service account ${principal} could not sign a token request (${code}); download a new JSON key`,
    { provider: 'gemini', reason: code },
  );
}
