import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { StartRedirect } from '../../oauth/start-input.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'getConnectMicrosoft',
  method: 'GET',
  url: '/v1/tenants/:tenant/connect/microsoft',
  summary: 'Start connecting Microsoft 365: redirect to Entra’s admin consent',
  description:
    'As POST on this path, answered with a 302 to the Entra admin-consent URL instead of JSON, so a ' +
    'browser can follow it. Entra sends the browser back to /v1/connect/microsoft/callback.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    querystring: z.object({}),
    response: { 302: StartRedirect, ...commonErrorResponses },
  },
  async handler(_req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'microsoft');
    const started = await startFlow(deps.db, service, 'microsoft', { tenantId: tenant.id, token }, {});
    return reply.header('cache-control', 'no-store').redirect(started.authorizationUrl, 302);
  },
});
