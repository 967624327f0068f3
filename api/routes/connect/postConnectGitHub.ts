import { z } from 'zod';
import { commonErrorResponses } from '../../errors.ts';
import { requireProvider, startFlow } from '../../oauth/service.ts';
import { githubStartFields } from '../../oauth/start-input.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { StartedConnect } from '../../schemas/connect.ts';

export default defineTenantRoute({
  id: 'postConnectGitHub',
  method: 'POST',
  url: '/v1/tenants/:tenant/connect/github',
  summary: 'Start connecting a GitHub org (GitHub App installation)',
  description:
    'Returns the installation page of the Periscope GitHub App for an owner of the org named here. GitHub ' +
    'sends the browser to the App’s setup URL, /v1/connect/github/callback, which accepts the installation ' +
    'only after GitHub confirms, to the App, that it is installed on that org.',
  tags: ['connect'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    body: z.strictObject(githubStartFields),
    response: { 201: StartedConnect, ...commonErrorResponses },
  },
  example: { body: { org: 'acme' } },
  async handler(req, reply, { deps, tenant, token }) {
    const { service } = requireProvider(deps.connect, 'github');
    const started = await startFlow(
      deps.db,
      service,
      'github',
      { tenantId: tenant.id, token },
      { org: req.body.org },
    );
    return reply
      .code(201)
      .send({ provider: 'github', ...started, expiresAt: started.expiresAt.toISOString() });
  },
});
