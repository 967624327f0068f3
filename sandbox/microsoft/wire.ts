/**
 * Graph wire conventions: the error envelope (`error{code,message,innerError{date,request-id,
 * client-request-id}}` — the dispatcher fills innerError), OData `$select` with a default
 * property set and 400s for unknown properties, `$top` caps (directory collections reject a page
 * size over the cap; SharePoint-backed ones clamp), and opaque `$skiptoken` page tokens carried by
 * absolute `@odata.nextLink`s on the simulator's own origin.
 */

export interface GraphReply {
  status: number;
  body?: unknown;
  /** A non-JSON payload (file content, SPO XML). */
  raw?: { contentType: string; data: Buffer | string };
  headers?: Record<string, string>;
}

export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): GraphReply {
  return { status, body: { error: { code, message } }, headers };
}

export const badRequest = (message: string, code = 'BadRequest') => graphError(400, code, message);
export const notFound = (message: string, code = 'Request_ResourceNotFound') =>
  graphError(404, code, message);
export const insufficientPrivileges = () =>
  graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
export const nonPremium = () =>
  graphError(
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  );

/** A query option, with or without its `$` (Graph v1.0 accepts both). */
export function option(query: URLSearchParams, name: string): string | null {
  return query.get(`$${name}`) ?? query.get(name);
}

/**
 * The properties to return: `$select` (validated against `known`), else `defaults`. Unknown
 * names answer Graph's 400.
 */
export function selectFields(
  query: URLSearchParams,
  known: readonly string[],
  defaults: readonly string[],
  type: string,
): string[] | GraphReply {
  const raw = option(query, 'select');
  if (!raw?.trim()) return [...defaults];
  const fields = raw
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const lower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const out: string[] = [];
  for (const field of fields) {
    const name = lower.get(field.toLowerCase());
    if (!name)
      return badRequest(
        `Could not find a property named '${field}' on type '${type}'.`,
        'Request_BadRequest',
      );
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export function pick(value: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in value) out[field] = value[field];
  return out;
}

export interface PageSizeRule {
  fallback: number;
  max: number;
  /** Directory collections reject an oversized page; SharePoint-backed ones clamp it. */
  reject: boolean;
}

export function pageSize(query: URLSearchParams, rule: PageSizeRule, prefer?: string): number | GraphReply {
  const raw = option(query, 'top');
  const preferred = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '')?.[1];
  if (raw === null || raw === '') return preferred ? Math.min(Number(preferred), rule.max) : rule.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || (rule.reject && value > rule.max)) {
    return rule.reject
      ? badRequest(
          `Invalid page size specified: '${raw}'. Must be between 1 and ${rule.max} inclusive.`,
          'Request_UnsupportedQuery',
        )
      : badRequest(`Invalid value '${raw}' for query option $top.`);
  }
  return Math.min(value, rule.max);
}

export function encodeToken(state: Record<string, unknown>): string {
  return `RFNwdAIA${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
}

export function decodeToken(token: string | null): Record<string, unknown> | undefined {
  if (!token?.startsWith('RFNwdAIA')) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(8), 'base64url').toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `@odata.nextLink` for a list: the same path, the same query options, and a `$skiptoken`. */
export function nextLink(
  origin: string,
  path: string,
  query: URLSearchParams,
  state: Record<string, unknown>,
): string {
  const params: string[] = [];
  for (const [name, value] of query) {
    const bare = name.replace(/^\$/, '');
    if (bare === 'skiptoken') continue;
    params.push(`$${bare}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  }
  params.push(`$skiptoken=${encodeToken(state)}`);
  return `${origin}${path}?${params.join('&')}`;
}

/** The list envelope: `@odata.context`, `value`, and a nextLink when there are more pages. */
export function collection(
  origin: string,
  context: string,
  value: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { '@odata.context': `${origin}/v1.0/$metadata#${context}`, ...extra, value };
}

/**
 * A `$filter` of `<property> eq <literal>` clauses joined by `and` — the only shape the
 * simulator understands; anything else is Graph's 400 for an unsupported query.
 */
export function parseEqFilter(
  raw: string | null,
  allowed: readonly string[],
): Array<{ property: string; value: string | boolean }> | GraphReply {
  if (!raw?.trim()) return [];
  const clauses: Array<{ property: string; value: string | boolean }> = [];
  for (const clause of raw.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+(?:'([^']*)'|(true|false))\s*$/i.exec(clause);
    const property = allowed.find((p) => p.toLowerCase() === m?.[1]?.toLowerCase());
    if (!m || !property)
      return badRequest(
        `Unsupported or invalid query filter clause specified: '${clause.trim()}'.`,
        'Request_UnsupportedQuery',
      );
    clauses.push({ property, value: m[3] !== undefined ? m[3].toLowerCase() === 'true' : (m[2] as string) });
  }
  return clauses;
}

export function matchesFilter(
  value: Record<string, unknown>,
  clauses: ReadonlyArray<{ property: string; value: string | boolean }>,
): boolean {
  return clauses.every((c) =>
    typeof c.value === 'string'
      ? String(value[c.property] ?? '').toLowerCase() === c.value.toLowerCase()
      : value[c.property] === c.value,
  );
}

/** One page of an in-memory list behind an offset `$skiptoken`; a nextLink while more remain. */
export function offsetPage<T>(
  origin: string,
  path: string,
  query: URLSearchParams,
  all: readonly T[],
  size: number,
): { page: T[]; nextLink?: string } | GraphReply {
  const token = option(query, 'skiptoken');
  const state = decodeToken(token);
  if (token && typeof state?.o !== 'number')
    return badRequest('The specified page token value has expired or is invalid.', 'Request_BadRequest');
  const offset = (state?.o as number | undefined) ?? 0;
  const page = all.slice(offset, offset + size);
  return offset + size < all.length
    ? { page, nextLink: nextLink(origin, path, query, { o: offset + size }) }
    : { page };
}
