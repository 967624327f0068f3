import { z } from 'zod';
import { listScanPage } from '../../../db/scan-pages.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { commaList, cursorOf, encodeCursor, Id, Limit, Page, TenantParams } from '../../schemas/common.ts';
import { Scan, ScanStatus, toApiScan } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'getScans',
  method: 'GET',
  url: '/v1/tenants/:tenant/scans',
  summary: 'List scans, newest first',
  tags: ['scans'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    querystring: z.strictObject({
      connection: Id.optional(),
      status: commaList(ScanStatus).optional(),
      limit: Limit,
      cursor: cursorOf(z.object({ id: Id })).optional(),
    }),
    response: { 200: Page(Scan), ...commonErrorResponses },
  },
  example: { query: { status: 'succeeded,partial', limit: '10' } },
  async handler(req, _reply, { deps, tenant }) {
    const q = req.query;
    const page = await listScanPage(
      deps.db,
      tenant.id,
      { ...(q.connection ? { connectionId: q.connection } : {}), ...(q.status ? { status: q.status } : {}) },
      { limit: q.limit, ...(q.cursor ? { after: q.cursor.id } : {}) },
    );
    const last = page.rows.at(-1);
    return {
      items: page.rows.map(toApiScan),
      nextCursor: page.hasMore && last ? encodeCursor({ id: last.id }) : null,
    };
  },
});
