/**
 * The usage and cost reports: time buckets paged with `page`/`next_page` (not id cursors),
 * `starting_at` required, bucket limits per width, results grouped by the `group_by[]` fields
 * asked for (the others null). Cost amounts are decimal strings in cents.
 */

import type { AnthropicOrg, SimCost, SimUsage } from './types.ts';
import { invalid, queryList, type Reply } from './wire.ts';

const WIDTHS = {
  '1d': { ms: 86_400_000, defaultLimit: 7, maxLimit: 31 },
  '1h': { ms: 3_600_000, defaultLimit: 24, maxLimit: 168 },
  '1m': { ms: 60_000, defaultLimit: 60, maxLimit: 1440 },
} as const;
type Width = keyof typeof WIDTHS;

const USAGE_GROUPS = new Set([
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
]);
const COST_GROUPS = new Set(['workspace_id', 'description']);

interface Window {
  buckets: Array<{ start: number; end: number }>;
  from: number;
  next: string | null;
}

/** Parses the time range and page; an error reply when the request is one the API rejects. */
function window(query: URLSearchParams, widths: readonly Width[], now: Date): Window | Reply {
  const startText = query.get('starting_at');
  if (!startText) return invalid('starting_at: Field required');
  const start = Date.parse(startText);
  if (Number.isNaN(start)) return invalid('starting_at: Input should be a valid datetime');
  const endText = query.get('ending_at');
  const end = endText === null ? now.getTime() : Date.parse(endText);
  if (Number.isNaN(end)) return invalid('ending_at: Input should be a valid datetime');
  if (end <= start) return invalid('ending_at must be after starting_at');
  const width = (query.get('bucket_width') ?? '1d') as Width;
  if (!widths.includes(width))
    return invalid(`bucket_width: Input should be ${widths.map((w) => `'${w}'`).join(' or ')}`);
  const { ms, defaultLimit, maxLimit } = WIDTHS[width];
  const limitText = query.get('limit');
  const limit = limitText === null ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return invalid(`limit: Input should be between 1 and ${maxLimit} for bucket_width ${width}`);
  }
  const page = query.get('page');
  let from = 0;
  if (page !== null) {
    const decoded = /^page_(\d+)$/.exec(Buffer.from(page, 'base64url').toString('utf8'));
    if (!decoded) return invalid('page: invalid page token');
    from = Number(decoded[1]);
  }
  const first = Math.floor(start / ms) * ms;
  const total = Math.ceil((end - first) / ms);
  const buckets = [];
  for (let i = from; i < Math.min(total, from + limit); i += 1) {
    buckets.push({ start: first + i * ms, end: Math.min(first + (i + 1) * ms, end) });
  }
  const more = from + limit < total;
  return { buckets, from, next: more ? Buffer.from(`page_${from + limit}`).toString('base64url') : null };
}

/** Rows with `at` in [start, end); rows are sorted by `at`. */
function rowsIn<T extends { at: string }>(rows: readonly T[], start: number, end: number): T[] {
  const from = new Date(start).toISOString();
  const to = new Date(end).toISOString();
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as T).at < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < rows.length && (rows[i] as T).at < to; i += 1) out.push(rows[i] as T);
  return out;
}

function groupsOf(query: URLSearchParams, allowed: Set<string>): Set<string> | Reply {
  const groups = new Set(queryList(query, 'group_by'));
  for (const group of groups) if (!allowed.has(group)) return invalid(`group_by: unknown value '${group}'`);
  return groups;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function usageReport(org: AnthropicOrg, query: URLSearchParams, now: Date): Reply {
  const range = window(query, ['1d', '1h', '1m'], now);
  if ('status' in range) return range;
  const groups = groupsOf(query, USAGE_GROUPS);
  if ('status' in groups) return groups;
  const keys = new Set(queryList(query, 'api_key_ids'));
  const spaces = new Set(queryList(query, 'workspace_ids'));
  const models = new Set(queryList(query, 'models'));
  const keep = (row: SimUsage) =>
    (keys.size === 0 || keys.has(row.apiKeyId)) &&
    (spaces.size === 0 || spaces.has(row.workspaceId ?? '')) &&
    (models.size === 0 || models.has(row.model));
  const data = range.buckets.map(({ start, end }) => {
    const results = new Map<string, ReturnType<typeof usageItem>>();
    for (const row of rowsIn(org.usage, start, end)) {
      if (!keep(row)) continue;
      const item = usageItem(row, groups);
      const id = `${item.api_key_id}|${item.workspace_id}|${item.model}|${item.service_tier}|${item.context_window}`;
      const sum = results.get(id);
      if (!sum) results.set(id, item);
      else {
        sum.uncached_input_tokens += item.uncached_input_tokens;
        sum.output_tokens += item.output_tokens;
        sum.cache_read_input_tokens += item.cache_read_input_tokens;
        sum.server_tool_use.web_search_requests += item.server_tool_use.web_search_requests;
      }
    }
    return { starting_at: iso(start), ending_at: iso(end), results: [...results.values()] };
  });
  return { status: 200, body: { data, has_more: range.next !== null, next_page: range.next } };
}

function usageItem(row: SimUsage, groups: Set<string>) {
  return {
    uncached_input_tokens: row.uncachedInputTokens,
    cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
    cache_read_input_tokens: row.cacheReadInputTokens,
    output_tokens: row.outputTokens,
    server_tool_use: { web_search_requests: row.webSearchRequests },
    api_key_id: groups.has('api_key_id') ? row.apiKeyId : null,
    workspace_id: groups.has('workspace_id') ? row.workspaceId : null,
    model: groups.has('model') ? row.model : null,
    service_tier: groups.has('service_tier') ? 'standard' : null,
    context_window: groups.has('context_window') ? '0-200k' : null,
  };
}

export function costReport(org: AnthropicOrg, query: URLSearchParams, now: Date): Reply {
  const range = window(query, ['1d'], now);
  if ('status' in range) return range;
  const groups = groupsOf(query, COST_GROUPS);
  if ('status' in groups) return groups;
  const byWorkspace = groups.has('workspace_id');
  const byDescription = groups.has('description');
  const data = range.buckets.map(({ start, end }) => {
    const sums = new Map<string, { cost: SimCost; cents: number }>();
    for (const cost of rowsIn(org.costs, start, end)) {
      const id = `${byWorkspace ? cost.workspaceId : ''}|${byDescription ? `${cost.description}|${cost.model}|${cost.tokenType}` : ''}`;
      const sum = sums.get(id);
      if (sum) sum.cents += cost.amountCents;
      else sums.set(id, { cost, cents: cost.amountCents });
    }
    const results = [...sums.values()].map(({ cost, cents }) => ({
      currency: 'USD',
      amount: String(Math.round(cents * 10_000) / 10_000),
      workspace_id: byWorkspace ? cost.workspaceId : null,
      description: byDescription ? cost.description : null,
      cost_type: byDescription ? cost.costType : null,
      context_window: byDescription && cost.costType === 'tokens' ? '0-200k' : null,
      model: byDescription ? cost.model : null,
      service_tier: byDescription && cost.costType === 'tokens' ? 'standard' : null,
      token_type: byDescription ? cost.tokenType : null,
    }));
    return { starting_at: iso(start), ending_at: iso(end), results };
  });
  return { status: 200, body: { data, has_more: range.next !== null, next_page: range.next } };
}
