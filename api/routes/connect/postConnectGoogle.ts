import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { googleStartFields } from '../../oauth/start-input.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { StartedConnect } from '../../schemas/connect.ts';

export default defineTenantRoute({
  id: 'postConnectGoogle',
  method: 'POST',
  url: '/v1/tenants/:tenant/connect/google',
  summary: 'Start connecting Google Workspace (OAuth consent of a super admin)',
  description:
    'Returns the Google consent URL to open in the browser of the super admin named here: web-server flow ' +
    'with offline access, prompt=consent and PKCE, asking for read-only directory, token, audit, policy and ' +
    'licence scopes. Google sends the browser to /v1/connect/google/callback, which creates the connection. ' +
    'The URL is good for ten minutes and once.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    body: z.strictObject(googleStartFields),
    response: { 201: StartedConnect, ...commonErrorResponses },
  },
  example: { body: { adminEmail: 'admin@example.com' } },
  async handler(req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'google');
    const started = await startFlow(
      deps.db,
      service,
      'google',
      { tenantId: tenant.id, token },
      { adminEmail: req.body.adminEmail },
    );
    return reply
      .code(201)
      .send({ provider: 'google', ...started, expiresAt: started.expiresAt.toISOString() });
  },
});
