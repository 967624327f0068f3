import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { googleStartFields, StartRedirect } from '../../oauth/start-input.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'getConnectGoogle',
  method: 'GET',
  url: '/v1/tenants/:tenant/connect/google',
  summary: 'Start connecting Google Workspace: redirect to Google’s consent',
  description:
    'As POST on this path, answered with a 302 to the Google consent URL instead of JSON, so a browser ' +
    'can follow it. The flow is the same: offline access, PKCE, a signed single-use state good for ten ' +
    'minutes; Google sends the browser back to /v1/connect/google/callback.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    querystring: z.object(googleStartFields),
    response: { 302: StartRedirect, ...commonErrorResponses },
  },
  example: { query: { adminEmail: 'admin@example.com' } },
  async handler(req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'google');
    const started = await startFlow(
      deps.db,
      service,
      'google',
      { tenantId: tenant.id, token },
      { adminEmail: req.query.adminEmail },
    );
    return reply.header('cache-control', 'no-store').redirect(started.authorizationUrl, 302);
  },
});
