import { z } from 'zod';
import { deleteConnection } from '../../../db/connections.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantRef } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'deleteConnection',
  method: 'DELETE',
  url: '/v1/tenants/:tenant/connections/:connectionId',
  summary: 'Delete a connection',
  description: 'Removes the connection with its credentials, assets, scans and findings.',
  tags: ['connections'],
  access: { scope: 'connections:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, connectionId: Id }),
    response: { 204: z.undefined().describe('deleted'), ...commonErrorResponses },
  },
  async handler(req, reply, { deps, tenant }) {
    await deleteConnection(deps.db, tenant.id, req.params.connectionId);
    return reply.code(204).send();
  },
});
