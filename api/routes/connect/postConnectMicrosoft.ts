import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { StartedConnect } from '../../schemas/connect.ts';

export default defineTenantRoute({
  id: 'postConnectMicrosoft',
  method: 'POST',
  url: '/v1/tenants/:tenant/connect/microsoft',
  summary: 'Start connecting Microsoft 365 (admin consent)',
  description:
    'Returns the Entra admin-consent URL (/common/adminconsent) for a global administrator of the customer ' +
    'tenant, who grants the Periscope app its read-only application permissions. Entra sends the browser ' +
    'to /v1/connect/microsoft/callback, which records the tenant once a client-credentials token for it works.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    body: z.strictObject({}).default({}),
    response: { 201: StartedConnect, ...commonErrorResponses },
  },
  example: { body: {} },
  async handler(_req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'microsoft');
    const started = await startFlow(deps.db, service, 'microsoft', { tenantId: tenant.id, token }, {});
    return reply
      .code(201)
      .send({ provider: 'microsoft', ...started, expiresAt: started.expiresAt.toISOString() });
  },
});
