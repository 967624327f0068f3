/**
 * Google Cloud's newer error envelope (`{error:{code, message, status, details}}` with a
 * `google.rpc.ErrorInfo` detail) that apikeys.googleapis.com and generativelanguage.googleapis.com
 * answer with, and page-size clamping with that envelope. Page tokens reuse the Workspace
 * simulator's opaque encoding.
 */
import type { GoogleReply } from '../google/wire.ts';

export { decodePageToken, encodePageToken, type GoogleReply } from '../google/wire.ts';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function cloudErrorBody(
  code: number,
  message: string,
  info?: { reason: string; domain: string; metadata?: Record<string, string> },
) {
  return {
    error: {
      code,
      message,
      status: STATUS_NAMES[code] ?? 'UNKNOWN',
      ...(info
        ? {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: info.reason,
                domain: info.domain,
                metadata: info.metadata ?? {},
              },
            ],
          }
        : {}),
    },
  };
}

export const cloudError = (
  code: number,
  message: string,
  info?: { reason: string; domain: string; metadata?: Record<string, string> },
): GoogleReply => ({ status: code, body: cloudErrorBody(code, message, info) });

export const invalidArgument = (message: string) => cloudError(400, message);

/** A page size: missing → `fallback`; above `max` → clamped (as Google does); below 1 or not an integer → 400. */
export function clampPageSize(raw: string | null, fallback: number, max: number): number | GoogleReply {
  if (raw === null || raw === '') return Math.min(fallback, max);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) return invalidArgument(`Invalid value at 'page_size' (${raw})`);
  return value === 0 ? Math.min(fallback, max) : Math.min(value, max);
}
