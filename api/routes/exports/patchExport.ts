import { updateSink } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { ExportSink, ExportSinkPatch, SinkParams, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'patchExport',
  method: 'PATCH',
  url: '/v1/tenants/:tenant/exports/:sink',
  summary: 'Change an export sink’s settings or secrets',
  description:
    'Merges the given keys (null removes one) and revalidates; a paused sink becomes active again.',
  tags: ['exports'],
  access: { scope: 'exports:write' },
  schema: {
    params: SinkParams,
    body: ExportSinkPatch,
    response: { 200: ExportSink, ...commonErrorResponses },
  },
  example: { body: { config: { timeoutMs: 10000 } } },
  async handler(req, _reply, { deps, tenant }) {
    return toApiSink(await updateSink(exportDepsOf(deps), tenant.id, req.params.sink, req.body));
  },
});
