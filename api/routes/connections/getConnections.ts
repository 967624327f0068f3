import { z } from 'zod';
import { listConnections } from '../../../db/connections.ts';
import { latestScan } from '../../../db/scans.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { Connection, toApiConnection } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'getConnections',
  method: 'GET',
  url: '/v1/tenants/:tenant/connections',
  summary: 'List connections with their last scan',
  tags: ['connections'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    response: { 200: z.object({ items: z.array(Connection) }), ...commonErrorResponses },
  },
  async handler(_req, _reply, { deps, tenant }) {
    const rows = await listConnections(deps.db, tenant.id);
    const items = [];
    for (const row of rows) items.push(toApiConnection(row, await latestScan(deps.db, tenant.id, row.id)));
    return { items };
  },
});
