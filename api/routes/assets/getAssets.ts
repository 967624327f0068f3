import { z } from 'zod';
import { listAssetPage } from '../../../db/asset-pages.ts';
import { AssetKind, Provider } from '../../../scanner/model.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import {
  commaList,
  cursorOf,
  encodeCursor,
  Id,
  isoOrNull,
  Limit,
  Page,
  TenantParams,
} from '../../schemas/common.ts';

const Asset = z
  .object({
    key: z.string().describe('provider:kind:externalId'),
    connectionId: z.string(),
    provider: z.string(),
    kind: AssetKind,
    externalId: z.string(),
    name: z.string(),
    url: z.string().nullable(),
    stream: z.string(),
    data: z.record(z.string(), z.unknown()).describe('the normalized asset as rules saw it (no secrets)'),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    removedAt: z.string().nullable(),
  })
  .meta({ id: 'Asset' });

export default defineTenantRoute({
  id: 'getAssets',
  method: 'GET',
  url: '/v1/tenants/:tenant/assets',
  summary: 'List assets by kind',
  tags: ['assets'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    querystring: z.strictObject({
      kind: commaList(AssetKind).optional(),
      provider: commaList(Provider).optional(),
      connection: Id.optional(),
      removed: z.enum(['true', 'false']).default('false').describe('include assets no longer at the vendor'),
      limit: Limit,
      cursor: cursorOf(z.object({ key: z.string(), connectionId: Id })).optional(),
    }),
    response: { 200: Page(Asset), ...commonErrorResponses },
  },
  example: { query: { kind: 'api_key,oauth_grant', limit: '100' } },
  async handler(req, _reply, { deps, tenant }) {
    const q = req.query;
    const page = await listAssetPage(
      deps.db,
      tenant.id,
      {
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.provider ? { provider: q.provider } : {}),
        ...(q.connection ? { connectionId: q.connection } : {}),
        includeRemoved: q.removed === 'true',
      },
      { limit: q.limit, ...(q.cursor ? { after: q.cursor } : {}) },
    );
    const last = page.rows.at(-1);
    return {
      items: page.rows.map((a) => ({
        key: a.key,
        connectionId: a.connectionId,
        provider: a.provider,
        kind: a.kind as z.infer<typeof AssetKind>,
        externalId: a.externalId,
        name: a.name,
        url: a.url,
        stream: a.stream,
        data: a.data,
        firstSeenAt: a.firstSeenAt.toISOString(),
        lastSeenAt: a.lastSeenAt.toISOString(),
        removedAt: isoOrNull(a.removedAt),
      })),
      nextCursor:
        page.hasMore && last ? encodeCursor({ key: last.key, connectionId: last.connectionId }) : null,
    };
  },
});
