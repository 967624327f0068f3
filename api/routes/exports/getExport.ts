import { getSinkStatus } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { ExportSink, SinkParams, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'getExport',
  method: 'GET',
  url: '/v1/tenants/:tenant/exports/:sink',
  summary: 'One export sink: settings (no secrets), lag, deliveries, dead letters, last error',
  tags: ['exports'],
  access: { scope: 'findings:read' },
  schema: { params: SinkParams, response: { 200: ExportSink, ...commonErrorResponses } },
  async handler(req, _reply, { deps, tenant }) {
    return toApiSink(await getSinkStatus(exportDepsOf(deps), tenant.id, req.params.sink));
  },
});
