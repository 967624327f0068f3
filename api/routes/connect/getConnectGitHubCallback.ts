import { commonErrorResponses } from '../../errors.ts';
import { handleCallback } from '../../oauth/callback.ts';
import { defineRoute } from '../../route.ts';
import { ConnectedConnection, GitHubCallbackQuery } from '../../schemas/connect.ts';

export default defineRoute({
  id: 'getConnectGitHubCallback',
  method: 'GET',
  url: '/v1/connect/github/callback',
  summary: 'GitHub App setup callback (the browser arrives from GitHub)',
  description:
    'No API token: the signed, single-use state authenticates the flow. installation_id can be typed by ' +
    'anyone, so it is looked up as the App (JWT) and must be this App’s installation on the org the flow ' +
    'was started for.',
  tags: ['connect'],
  access: 'public',
  logQuery: false,
  schema: {
    querystring: GitHubCallbackQuery,
    response: { 201: ConnectedConnection, ...commonErrorResponses },
  },
  async handler(req, reply, { deps }) {
    const { state, installation_id } = req.query;
    const result = await handleCallback(deps, 'github', state, {}, { installationId: installation_id });
    return reply.code(201).send(result);
  },
});
