/**
 * Google wire conventions: the JSON error envelope, opaque page tokens, and `fields` partial
 * responses (`nextPageToken,files(id,permissions(type,role))`), which the scanner relies on
 * to keep pages small — so the simulator returns exactly the requested fields.
 */

export interface GoogleReply {
  status: number;
  body?: unknown;
  /** Raw payload (media, export) instead of JSON. */
  raw?: { contentType: string; data: string };
  headers?: Record<string, string>;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const DOMAINS: Record<string, string> = {
  userRateLimitExceeded: 'usageLimits',
  rateLimitExceeded: 'usageLimits',
  quotaExceeded: 'usageLimits',
};

export function googleErrorBody(status: number, reason: string, message: string) {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain: DOMAINS[reason] ?? 'global', reason }],
      status: STATUS_NAMES[status] ?? 'UNKNOWN',
    },
  };
}

export const googleError = (status: number, reason: string, message: string): GoogleReply => ({
  status,
  body: googleErrorBody(status, reason, message),
});

export const badRequest = (message: string) => googleError(400, 'badRequest', message);
export const notFound = (what: string) => googleError(404, 'notFound', what);
export const insufficientScopes = () =>
  googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');

export function encodePageToken(state: Record<string, number | string>): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodePageToken(token: string | null): Record<string, unknown> | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Clamps a page size parameter; NaN or missing gives the default, out of range is an error. */
export function pageSize(raw: string | null, fallback: number, max: number): number | GoogleReply {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) return badRequest(`Invalid value '${raw}'. Values must be >= 1`);
  // Google clamps Drive page sizes silently but rejects Directory's out-of-range maxResults;
  // clamping is the behaviour both a scanner and these tests can rely on.
  return Math.min(value, max);
}

/** A parsed fields mask: `true` = whole value, nested object = sub-mask. */
export type FieldMask = { [key: string]: FieldMask | true };

export function parseFields(fields: string): FieldMask {
  const mask: FieldMask = {};
  let i = 0;
  const parseList = (into: FieldMask) => {
    while (i < fields.length) {
      let name = '';
      while (i < fields.length && !',()'.includes(fields[i] as string)) name += fields[i++];
      name = name.trim();
      if (fields[i] === '(') {
        i += 1;
        const sub: FieldMask = {};
        parseList(sub);
        i += 1; // ')'
        addPath(into, name, sub);
      } else if (name) addPath(into, name, true);
      if (fields[i] === ',') i += 1;
      else if (fields[i] === ')' || i >= fields.length) return;
    }
  };
  parseList(mask);
  return mask;
}

/** `a/b` paths are the same as `a(b)`. */
function addPath(into: FieldMask, path: string, leaf: FieldMask | true): void {
  const [head, ...rest] = path.split('/');
  if (!head) return;
  if (rest.length === 0) {
    into[head] =
      leaf === true || into[head] === undefined || into[head] === true ? leaf : { ...into[head], ...leaf };
    return;
  }
  const existing = into[head];
  const sub: FieldMask = existing && existing !== true ? existing : {};
  into[head] = sub;
  addPath(sub, rest.join('/'), leaf);
}

export function applyMask(value: unknown, mask: FieldMask | true): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applyMask(item, mask));
  if ('*' in mask) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(mask)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = applyMask(field, sub);
  }
  return out;
}

/** Applies `fields`, or the endpoint's default field set (`*` = everything) when none is given. */
export function masked(body: unknown, fields: string | null, fallback: string): unknown {
  return applyMask(body, parseFields(fields?.trim() ? fields : fallback));
}
