import { z } from 'zod';
import { findingFacets, findingSorts, searchFindings } from '../../../db/finding-search.ts';
import { AssetKind, Provider, Severity } from '../../../scanner/model.ts';
import { commonErrorResponses, fieldError } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { commaList, cursorOf, encodeCursor, Id, Instant, Limit, TenantParams } from '../../schemas/common.ts';
import { Finding, FindingStatus, toApiFinding } from '../../schemas/finding.ts';
import { ruleIdsOfFramework } from '../../schemas/rule.ts';

const sorts = findingSorts.flatMap((s) => [s, `-${s}`] as const);

const FindingCursor = z.object({ id: Id, sort: z.enum(sorts) });

const Query = z.strictObject({
  status: z
    .union([z.literal('all'), commaList(FindingStatus)])
    .optional()
    .describe('open (default), resolved, muted, a comma list, or all'),
  severity: commaList(Severity).optional(),
  provider: commaList(Provider).optional(),
  rule: commaList(z.string().min(1).max(200)).optional().describe('rule ids, comma separated'),
  kind: commaList(AssetKind).optional().describe('asset kinds'),
  asset: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('asset key (provider:kind:externalId) or external id'),
  framework: z.string().min(1).max(100).optional().describe('only rules mapped to this framework (e.g. cis)'),
  connection: Id.optional(),
  firstSeenFrom: Instant.optional(),
  firstSeenTo: Instant.optional(),
  lastSeenFrom: Instant.optional(),
  lastSeenTo: Instant.optional(),
  q: z.string().min(1).max(200).optional().describe('text in title, rule id, asset name, key or external id'),
  sort: z.enum(sorts).default('-severity').describe('a field, descending with a leading -'),
  limit: Limit,
  cursor: cursorOf(FindingCursor).optional(),
  facets: z
    .enum(['true', 'false'])
    .default('false')
    .describe('also count matches by severity, provider and rule'),
});

const Facets = z.object({
  total: z.number().int(),
  severity: z.record(z.string(), z.number().int()),
  provider: z.record(z.string(), z.number().int()),
  rule: z.record(z.string(), z.number().int()),
});

export default defineTenantRoute({
  id: 'getFindings',
  method: 'GET',
  url: '/v1/tenants/:tenant/findings',
  summary: 'List findings',
  description:
    'Filter, sort and page through findings; `facets=true` adds counts by severity, provider and rule.',
  tags: ['findings'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    querystring: Query,
    response: {
      200: z.object({
        items: z.array(Finding),
        nextCursor: z.string().nullable(),
        facets: Facets.optional(),
      }),
      ...commonErrorResponses,
    },
  },
  example: { query: { status: 'open,muted', severity: 'high,critical', sort: '-lastSeenAt', limit: '20' } },
  async handler(req, _reply, { deps, tenant }) {
    const q = req.query;
    if (q.cursor && q.cursor.sort !== q.sort) {
      // A cursor continues the listing it came from; another order would skip or repeat rows.
      throw fieldError('querystring.cursor', `this cursor was made for sort=${q.cursor.sort}`);
    }
    const filter = {
      status: q.status ?? ['open' as const],
      ...(q.severity ? { severity: q.severity } : {}),
      ...(q.provider ? { provider: q.provider } : {}),
      ...(q.rule ? { ruleId: q.rule } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.framework ? { frameworkRuleIds: ruleIdsOfFramework(deps.rules, q.framework) } : {}),
      ...(q.asset ? { asset: q.asset } : {}),
      ...(q.connection ? { connectionId: q.connection } : {}),
      ...(q.firstSeenFrom ? { firstSeenFrom: q.firstSeenFrom } : {}),
      ...(q.firstSeenTo ? { firstSeenTo: q.firstSeenTo } : {}),
      ...(q.lastSeenFrom ? { lastSeenFrom: q.lastSeenFrom } : {}),
      ...(q.lastSeenTo ? { lastSeenTo: q.lastSeenTo } : {}),
      ...(q.q ? { text: q.q } : {}),
    };
    const descending = q.sort.startsWith('-');
    // The page and the facets are independent queries: run them side by side.
    const [page, facets] = await Promise.all([
      searchFindings(deps.db, tenant.id, filter, {
        sort: (descending ? q.sort.slice(1) : q.sort) as (typeof findingSorts)[number],
        direction: descending ? 'desc' : 'asc',
        limit: q.limit,
        ...(q.cursor ? { after: q.cursor.id } : {}),
      }),
      q.facets === 'true' ? findingFacets(deps.db, tenant.id, filter) : undefined,
    ]);
    const last = page.rows.at(-1);
    return {
      items: page.rows.map(toApiFinding),
      nextCursor: page.hasMore && last ? encodeCursor({ id: last.id, sort: q.sort }) : null,
      ...(facets ? { facets } : {}),
    };
  },
});
