import { z } from 'zod';
import { sinkStatuses } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { ExportSink, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'getExports',
  method: 'GET',
  url: '/v1/tenants/:tenant/exports',
  summary: "List the tenant's SIEM export sinks with their delivery state",
  tags: ['exports'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    response: { 200: z.object({ items: z.array(ExportSink) }), ...commonErrorResponses },
  },
  async handler(_req, _reply, { deps, tenant }) {
    return { items: (await sinkStatuses(exportDepsOf(deps), tenant.id)).map(toApiSink) };
  },
});
