import { commonErrorResponses } from '../../errors.ts';
import { handleCallback } from '../../oauth/callback.ts';
import { defineRoute } from '../../route.ts';
import { ConnectedConnection, GoogleCallbackQuery } from '../../schemas/connect.ts';

export default defineRoute({
  id: 'getConnectGoogleCallback',
  method: 'GET',
  url: '/v1/connect/google/callback',
  summary: 'Google consent callback (the browser arrives from Google)',
  description:
    'No API token: the signed, single-use state authenticates the flow. Exchanges the code (with the PKCE ' +
    'verifier) for a refresh token and creates the Google Workspace connection in OAuth-admin mode.',
  tags: ['connect'],
  access: 'public',
  logQuery: false,
  schema: {
    querystring: GoogleCallbackQuery,
    response: { 201: ConnectedConnection, ...commonErrorResponses },
  },
  async handler(req, reply, { deps }) {
    const { state, code, error, error_description } = req.query;
    const result = await handleCallback(deps, 'google', state, { error, error_description }, { code });
    return reply.code(201).send(result);
  },
});
