/**
 * The API's one error catalog. Every error response is `{ error: { code, message, details } }`
 * with a code from this table, which fixes its HTTP status. Scanner errors (PeriscopeError) map
 * onto it through `fromScannerCode`, which must name every scanner code (the compiler checks).
 */
import { z } from 'zod';
import type { ErrorCode } from '../scanner/errors.ts';

export const apiErrorCatalog = {
  validation_failed: { status: 400, summary: 'a parameter, query field or body field is invalid' },
  invalid_body: { status: 400, summary: 'the body is not valid JSON' },
  invalid_request: { status: 400, summary: 'the request cannot be carried out as asked' },
  unauthorized: { status: 401, summary: 'no API token, or not a valid one' },
  forbidden: { status: 403, summary: 'the token lacks the scope or the reach this needs' },
  not_found: { status: 404, summary: 'no such resource for this token' },
  method_not_allowed: { status: 405, summary: 'the resource does not support this method' },
  conflict: { status: 409, summary: 'the resource is in a state that does not allow this' },
  payload_too_large: { status: 413, summary: 'the body is larger than the limit' },
  unsupported_media_type: { status: 415, summary: 'the body must be application/json' },
  vendor_auth_failed: { status: 422, summary: 'the vendor refused the credentials' },
  vendor_permission_denied: { status: 422, summary: 'the credentials lack a permission the vendor requires' },
  vendor_unavailable: { status: 422, summary: 'the vendor does not offer this to the tenant' },
  rate_limited: { status: 429, summary: 'too many requests for this token; retry after the given seconds' },
  internal: { status: 500, summary: 'an unexpected error; it was logged' },
  vendor_error: { status: 502, summary: 'the vendor API answered with an error' },
  vendor_unreachable: { status: 502, summary: 'the vendor API could not be reached' },
  vendor_rate_limited: { status: 503, summary: 'the vendor API is rate limiting; retry later' },
  not_ready: { status: 503, summary: 'a dependency (database, Redis) is not answering' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ApiErrorCode = keyof typeof apiErrorCatalog;

/** Every scanner error code has an API code. */
export const fromScannerCode: Record<ErrorCode, ApiErrorCode> = {
  auth_failed: 'vendor_auth_failed',
  permission_denied: 'vendor_permission_denied',
  config_invalid: 'invalid_request',
  not_found: 'not_found',
  unavailable: 'vendor_unavailable',
  malformed_response: 'vendor_error',
  rate_limited: 'vendor_rate_limited',
  vendor_error: 'vendor_error',
  network: 'vendor_unreachable',
  cancelled: 'conflict',
  internal: 'internal',
};

export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = apiErrorCatalog[code].status;
  }
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(apiErrorCatalog) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorBody(code: ApiErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } } satisfies ErrorBody;
}

/** The error responses every authenticated route can give, for its OpenAPI entry. */
export const commonErrorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  429: ErrorBody,
  500: ErrorBody,
};

/** A validation error on one field found by a handler (the schema could not know). */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError('validation_failed', `invalid request: ${field}: ${message}`, {
    issues: [{ field, message }],
  });
}
