import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { githubStartFields, StartRedirect } from '../../oauth/start-input.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'getConnectGitHub',
  method: 'GET',
  url: '/v1/tenants/:tenant/connect/github',
  summary: 'Start connecting a GitHub org: redirect to the App’s installation page',
  description:
    'As POST on this path, answered with a 302 to the GitHub App installation page instead of JSON, so ' +
    'a browser can follow it. GitHub sends the browser to /v1/connect/github/callback.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    querystring: z.object(githubStartFields),
    response: { 302: StartRedirect, ...commonErrorResponses },
  },
  example: { query: { org: 'acme' } },
  async handler(req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'github');
    const started = await startFlow(
      deps.db,
      service,
      'github',
      { tenantId: tenant.id, token },
      { org: req.query.org },
    );
    return reply.header('cache-control', 'no-store').redirect(started.authorizationUrl, 302);
  },
});
