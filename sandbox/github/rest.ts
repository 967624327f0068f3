/**
 * GitHub REST conventions shared by every route: replies, basic-error bodies, offset
 * pagination with absolute `link` URLs, and wrapped lists (`{total_count, <key>}` — exactly
 * those two keys in that order, because Octokit's paginate flattens the first non-meta key).
 */

export interface Reply {
  status: number;
  /** JSON body; omitted for empty responses. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Error replies skip ETag handling. */
  cacheable?: boolean;
}

export const DOCS = 'https://docs.github.com/rest';

export function errorReply(
  status: number,
  message: string,
  headers: Record<string, string> = {},
  docs = DOCS,
): Reply {
  return {
    status,
    body: { message, documentation_url: docs, status: String(status) },
    headers,
    cacheable: false,
  };
}

export const notFound = () => errorReply(404, 'Not Found');

export interface PageRequest {
  url: URL;
  query: URLSearchParams;
}

/** GitHub's `per_page` (default 30, capped at 100) and 1-based `page`. */
export function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  const rawPer = Number.parseInt(query.get('per_page') ?? '', 10);
  const rawPage = Number.parseInt(query.get('page') ?? '', 10);
  return {
    perPage: Number.isFinite(rawPer) && rawPer > 0 ? Math.min(rawPer, 100) : 30,
    page: Number.isFinite(rawPage) && rawPage > 0 ? rawPage : 1,
  };
}

/** `link` header in GitHub's order (prev, next, last, first), absent for a single page. */
export function linkHeader(url: URL, page: number, lastPage: number): string | undefined {
  if (lastPage <= 1) return undefined;
  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    return `<${target.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) parts.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  return parts.join(', ');
}

/** One page of `items`, serialized; `wrapKey` wraps it as `{ total_count, [wrapKey]: [...] }`. */
export function pagedReply<T>(
  request: PageRequest,
  items: readonly T[],
  toWire: (item: T) => unknown,
  wrapKey?: string,
): Reply {
  const { perPage, page } = pageParams(request.query);
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage).map(toWire);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = linkHeader(request.url, page, lastPage);
  const body = wrapKey ? { total_count: items.length, [wrapKey]: slice } : slice;
  return { status: 200, body, headers: link ? { link } : {} };
}
