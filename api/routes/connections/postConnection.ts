import type { Logger } from 'pino';
import { createConnection, listConnections } from '../../../db/connections.ts';
import { isPeriscopeError, PeriscopeError } from '../../../scanner/errors.ts';
import { verifyConnection } from '../../../scanner/verify-connection.ts';
import { ApiError, commonErrorResponses, ErrorBody } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { ConnectionInput, scrubSecrets, secretStrings } from '../../schemas/connection-input.ts';
import { Connection, toApiConnection } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'postConnection',
  method: 'POST',
  url: '/v1/tenants/:tenant/connections',
  summary: 'Connect a vendor tenant with a key',
  description:
    'For key-based providers (GitHub token or App, OpenAI, Anthropic, Gemini, a Google Workspace ' +
    'service-account key, a Microsoft 365 client secret or certificate), as `periscope connection add`: ' +
    'checks config and secrets against the connector, proves them with one cheap vendor call, then ' +
    'stores them encrypted. Secrets are never returned; a refused credential is a 422 with the vendor’s ' +
    'reason. Fields per provider: see the README.',
  tags: ['connections'],
  access: { scope: 'connections:write' },
  schema: {
    params: TenantParams,
    body: ConnectionInput,
    response: { 201: Connection, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody, ...commonErrorResponses },
  },
  example: {
    body: { provider: 'openai', name: 'openai-prod', config: {}, secrets: { adminKey: 'sk-admin-…' } },
  },
  async handler(req, reply, { deps, tenant }) {
    const body = req.body;
    if (!deps.vault)
      throw new ApiError(
        'invalid_request',
        'this server cannot store credentials (no encryption key configured)',
      );
    const name = body.name ?? body.provider;
    if ((await listConnections(deps.db, tenant.id)).some((c) => c.name === name))
      throw new ApiError('conflict', `this tenant already has a connection named "${name}"`, {
        field: 'body.name',
      });
    const secrets = secretStrings(body.secrets);
    let verified: Awaited<ReturnType<typeof verifyConnection>>;
    try {
      verified = await verifyConnection(
        deps.vault.connectors,
        {
          tenantId: tenant.id,
          provider: body.provider,
          baseUrl: body.baseUrl ?? null,
          config: body.config,
          secrets,
        },
        // Fastify's request logger is the pino child of the logger build() was given.
        req.log as unknown as Logger,
      );
    } catch (error) {
      if (!isPeriscopeError(error)) throw error;
      // Vendors sometimes quote what they were sent: nothing of a secret goes back out.
      throw new PeriscopeError(error.code, scrubSecrets(error.message, secrets), {
        ...JSON.parse(scrubSecrets(JSON.stringify(error.details ?? {}), secrets)),
        provider: body.provider,
      });
    }
    const row = await createConnection(deps.db, deps.vault.box, {
      tenantId: tenant.id,
      provider: verified.provider,
      name,
      baseUrl: body.baseUrl ?? null,
      config: verified.config,
      credentials: verified.credentials,
    });
    return reply.code(201).send(toApiConnection(row as Parameters<typeof toApiConnection>[0], undefined));
  },
});
