import { addSink } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { ExportSink, ExportSinkInput, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'postExport',
  method: 'POST',
  url: '/v1/tenants/:tenant/exports',
  summary: 'Add a SIEM export sink',
  description:
    'Validates the settings and secrets with the sink type’s own rules (400 names the bad key), refuses ' +
    'destinations on private, loopback or link-local addresses unless the installation allows them, and ' +
    'stores the secrets encrypted. The worker then delivers the outbox to it, at least once.',
  tags: ['exports'],
  access: { scope: 'exports:write' },
  schema: {
    params: TenantParams,
    body: ExportSinkInput,
    response: { 201: ExportSink, ...commonErrorResponses },
  },
  example: {
    body: {
      type: 'splunk-hec',
      name: 'splunk',
      config: { url: 'https://10.0.0.5:8088', index: 'security' },
      secrets: { token: '00000000-0000-4000-8000-000000000000' },
    },
  },
  async handler(req, reply, { deps, tenant }) {
    const status = await addSink(exportDepsOf(deps), tenant.id, req.body);
    return reply.code(201).send(toApiSink(status));
  },
});
