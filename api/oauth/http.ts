/**
 * The few vendor calls of the connect flows (token exchanges, one installation lookup), over
 * node:http(s) so a simulator's CA can be trusted per call. Bodies are JSON; nothing here logs.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError } from '../errors.ts';

export interface VendorResponse {
  status: number;
  body: Record<string, unknown>;
}

export function vendorCall(
  url: string,
  options: { method: 'GET' | 'POST'; headers?: Record<string, string>; form?: URLSearchParams; ca?: string },
): Promise<VendorResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = options.form?.toString();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (payload !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: options.method, headers, timeout: 15_000, ...(options.ca ? { ca: options.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          let body: Record<string, unknown> = {};
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
          } catch {
            // Not JSON: the status speaks for itself.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', (error) =>
          reject(
            new ApiError('vendor_unreachable', `${target.origin} broke off its answer: ${error.message}`),
          ),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 15 s')));
    req.on('error', (error) =>
      reject(new ApiError('vendor_unreachable', `${target.origin} could not be reached: ${error.message}`)),
    );
    req.end(payload);
  });
}

/** The vendor's own error text (OAuth `error`/`error_description`, GitHub `message`), without secrets. */
export function vendorReason(body: Record<string, unknown>): string {
  const parts = [body.error, body.error_description, body.message].filter((v) => typeof v === 'string');
  return parts.length > 0 ? parts.join(': ') : 'no error description';
}
