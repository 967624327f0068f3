import { z } from 'zod';
import { removeSink } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { SinkParams } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'deleteExport',
  method: 'DELETE',
  url: '/v1/tenants/:tenant/exports/:sink',
  summary: 'Remove an export sink (its cursor and dead letters go with it)',
  tags: ['exports'],
  access: { scope: 'exports:write' },
  schema: {
    params: SinkParams,
    response: { 204: z.undefined().describe('removed'), ...commonErrorResponses },
  },
  async handler(req, reply, { deps, tenant }) {
    await removeSink(exportDepsOf(deps), tenant.id, req.params.sink);
    return reply.code(204).send();
  },
});
