import { commonErrorResponses } from '../../errors.ts';
import { handleCallback } from '../../oauth/callback.ts';
import { defineRoute } from '../../route.ts';
import { ConnectedConnection, MicrosoftCallbackQuery } from '../../schemas/connect.ts';

export default defineRoute({
  id: 'getConnectMicrosoftCallback',
  method: 'GET',
  url: '/v1/connect/microsoft/callback',
  summary: 'Microsoft admin-consent callback (the browser arrives from Entra)',
  description:
    'No API token: the signed, single-use state authenticates the flow. Needs admin_consent=True and the ' +
    'customer tenant, which is recorded only after Entra issues the app a client-credentials token for it.',
  tags: ['connect'],
  access: 'public',
  logQuery: false,
  schema: {
    querystring: MicrosoftCallbackQuery,
    response: { 201: ConnectedConnection, ...commonErrorResponses },
  },
  async handler(req, reply, { deps }) {
    const { state, tenant, admin_consent, error, error_description } = req.query;
    const result = await handleCallback(
      deps,
      'microsoft',
      state,
      { error, error_description },
      { tenant, adminConsent: admin_consent },
    );
    return reply.code(201).send(result);
  },
});
