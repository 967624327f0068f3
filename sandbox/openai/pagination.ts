/**
 * OpenAI list pages: `{object:"list", data, first_id, last_id, has_more}` with `after=<object id>`
 * and a documented `limit` range (400 outside it). `pageCap` serves fewer items than asked, so
 * tests exercise every cursor style with small data; `omitLastId` reproduces a server that leaves
 * `last_id` out, which silently truncates the SDK's ConversationCursorPage.
 */
import { errorBody } from './wire.ts';

export interface PageSettings {
  /** Serve at most this many items a page whatever `limit` says (tests). Null: no cap. */
  pageCap: number | null;
  /** Leave `last_id` null even when there are more pages. */
  omitLastId: boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
  raw?: { contentType: string; data: Buffer };
  headers?: Record<string, string>;
}

export function badRequest(message: string, param: string | null = null, code: string | null = null): Reply {
  return { status: 400, body: errorBody(message, 'invalid_request_error', code, param) };
}

/** Parses `limit` against the endpoint's documented range; a Reply when it is out of range. */
export function limitOf(query: URLSearchParams, max: number, fallback: number): number | Reply {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit))
    return badRequest(
      `Invalid 'limit': expected an integer, but got ${JSON.stringify(raw)} instead.`,
      'limit',
      'invalid_type',
    );
  if (limit < 1)
    return badRequest(
      `Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${limit} instead.`,
      'limit',
      'integer_below_min_value',
    );
  if (limit > max)
    return badRequest(
      `Invalid 'limit': integer above maximum value. Expected a value <= ${max}, but got ${limit} instead.`,
      'limit',
      'integer_above_max_value',
    );
  return limit;
}

export function listPage<T extends { id: string }>(
  items: T[],
  query: URLSearchParams,
  settings: PageSettings,
  limits: { max: number; fallback: number },
  render: (item: T) => unknown,
): Reply {
  const limit = limitOf(query, limits.max, limits.fallback);
  if (typeof limit !== 'number') return limit;
  const after = query.get('after');
  let start = 0;
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index < 0) return badRequest(`No such object: '${after}' (invalid 'after' cursor).`, 'after');
    start = index + 1;
  }
  const size = Math.min(limit, settings.pageCap ?? limit);
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  return {
    status: 200,
    body: {
      object: 'list',
      data: slice.map(render),
      first_id: slice[0]?.id ?? null,
      last_id: settings.omitLastId && hasMore ? null : (slice.at(-1)?.id ?? null),
      has_more: hasMore,
    },
  };
}
