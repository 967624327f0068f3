/**
 * The dashboard's only way to the server: the public REST API with the session's bearer token.
 * A 401 ends the session (the token was revoked or mistyped) and sends the user back to login.
 */
import { session } from '../session.tsx';

/** An error answer of the API, with its stable code and message (never the token). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

let onSignedOut: () => void = () => {};

/** What to do when the API refuses the token (the app shows the login form). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = session.token();
  if (!token) {
    onSignedOut();
    throw new ApiFailure(401, 'unauthorized', 'log in with an API token first');
  }
  const response = await fetch(path, {
    method,
    cache: 'no-store',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 401) {
    session.clear();
    onSignedOut();
    throw new ApiFailure(401, 'unauthorized', 'the API refused the token; log in again');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? `the API answered ${response.status}`,
    );
  }
  return payload as T;
}

/** `/v1/tenants/<tenant><rest>` */
export function tenantPath(tenant: string, rest: string): string {
  return `/v1/tenants/${encodeURIComponent(tenant)}${rest}`;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
