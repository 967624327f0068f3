import { z } from 'zod';
import { getConnection } from '../../../db/connections.ts';
import { latestScan } from '../../../db/scans.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantRef } from '../../schemas/common.ts';
import { Connection, toApiConnection } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'getConnection',
  method: 'GET',
  url: '/v1/tenants/:tenant/connections/:connectionId',
  summary: "A connection's status",
  description: 'The connection with its last scan: status, per-stream status, HTTP calls and errors.',
  tags: ['connections'],
  access: { scope: 'findings:read' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, connectionId: Id }),
    response: { 200: Connection, ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    const row = await getConnection(deps.db, tenant.id, req.params.connectionId);
    return toApiConnection(row, await latestScan(deps.db, tenant.id, row.id));
  },
});
