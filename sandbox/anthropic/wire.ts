/**
 * The Admin API's wire shapes: error envelopes, `{data, has_more, first_id, last_id}` list pages
 * with `after_id`/`before_id`/`limit`, and records rendered per `anthropic-version` (API keys
 * carry `workspace_id` on 2023-06-01 and `scope`/`principal` on 2026-10-21).
 */
import { randomUUID } from 'node:crypto';
import type { AnthropicApiVersion, SimApiKey } from './types.ts';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function errorBody(status: number, message: string) {
  return {
    type: 'error',
    error: { type: errorTypes[status] ?? 'api_error', message },
    request_id: `req_${randomUUID().replaceAll('-', '')}`,
  };
}

export function errorReply(status: number, message: string, headers?: Record<string, string>): Reply {
  return { status, body: errorBody(status, message), headers };
}

export const invalid = (message: string) => errorReply(400, message);

/** A list page over `items`, following the cursor rules of the SDK's `Page`. */
export function listPage<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  query: URLSearchParams,
  maxLimit = 1000,
): Reply {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return invalid(`limit: Input should be between 1 and ${maxLimit}`);
  }
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  if (afterId && beforeId) return invalid('after_id and before_id cannot both be set');
  let start = 0;
  let end = items.length;
  if (afterId) {
    const at = items.findIndex((item) => idOf(item) === afterId);
    if (at < 0) return invalid(`after_id: no object with id ${afterId}`);
    start = at + 1;
  }
  if (beforeId) {
    const at = items.findIndex((item) => idOf(item) === beforeId);
    if (at < 0) return invalid(`before_id: no object with id ${beforeId}`);
    end = at;
  }
  // Paging backwards returns the `limit` objects right before the cursor.
  const slice = beforeId ? items.slice(Math.max(start, end - limit), end) : items.slice(start, start + limit);
  const first = slice[0];
  const last = slice.at(-1);
  const hasMore = beforeId ? end - slice.length > start : start + slice.length < end;
  return {
    status: 200,
    body: {
      data: slice,
      has_more: hasMore,
      first_id: first === undefined ? null : idOf(first),
      last_id: last === undefined ? null : idOf(last),
    },
  };
}

export function apiKeyWire(key: SimApiKey, version: AnthropicApiVersion, defaultWorkspaceId: string) {
  const common = {
    type: 'api_key',
    id: key.id,
    name: key.name,
    created_at: key.created_at,
    created_by: key.created_by,
    expires_at: key.expires_at,
    partial_key_hint: key.partial_key_hint,
    status: key.status,
  };
  if (version === '2023-06-01') {
    return { ...common, workspace_id: key.workspaceId === defaultWorkspaceId ? null : key.workspaceId };
  }
  return {
    ...common,
    scope: { type: 'workspace', workspace_id: key.workspaceId },
    principal: key.created_by?.type === 'user' ? { type: 'user_actor', user_id: key.created_by.id } : null,
  };
}

/** Repeated query parameters, with or without the `[]` suffix the SDK's qs adds. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)];
}

export function queryBoolean(query: URLSearchParams, name: string): boolean | Reply {
  const value = query.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  return invalid(`${name}: Input should be a valid boolean`);
}
