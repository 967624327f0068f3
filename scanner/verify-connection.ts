/**
 * Validates a new connection's config and credentials against its connector, then proves them
 * with one cheap vendor call. Error messages name the bad field, never its value.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ConnectorRegistry } from '../connectors/index.ts';
import type { ConnectionConfig, Connector } from './connector.ts';
import { PeriscopeError } from './errors.ts';
import { HttpCallCounter } from './http-counter.ts';
import { Provider } from './model.ts';

export interface ConnectionInput {
  tenantId: string;
  provider: string;
  baseUrl?: string | null;
  config: Record<string, string>;
  secrets: Record<string, string>;
}

export interface VerifiedConnection {
  connector: Connector<unknown, unknown>;
  provider: Provider;
  config: Record<string, string>;
  credentials: unknown;
}

function fieldErrors(error: z.ZodError, what: string): string {
  // Paths and messages only: zod messages do not echo input values for these schemas.
  return error.issues.map((i) => `${what} ${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export async function verifyConnection(
  connectors: ConnectorRegistry,
  input: ConnectionInput,
  logger: Logger,
): Promise<VerifiedConnection> {
  const provider = Provider.safeParse(input.provider);
  if (!provider.success)
    throw new PeriscopeError(
      'config_invalid',
      `unknown provider "${input.provider}" (one of: ${Provider.options.join(', ')})`,
    );
  const connector = connectors[provider.data];
  if (!connector)
    throw new PeriscopeError('config_invalid', `provider "${provider.data}" has no connector yet`);
  if (input.baseUrl) {
    try {
      new URL(input.baseUrl);
    } catch {
      throw new PeriscopeError('config_invalid', `--base-url "${input.baseUrl}" is not a URL`);
    }
  }
  const config = connector.config.safeParse(input.config);
  if (!config.success) throw new PeriscopeError('config_invalid', fieldErrors(config.error, 'config'));
  const credentials = connector.credentials.safeParse(input.secrets);
  if (!credentials.success)
    throw new PeriscopeError('config_invalid', fieldErrors(credentials.error, 'secret'));

  const connection: ConnectionConfig = {
    id: 'unsaved',
    tenantId: input.tenantId,
    provider: provider.data,
    baseUrl: input.baseUrl ?? null,
    config: config.data,
  };
  const http = new HttpCallCounter();
  const signal = AbortSignal.timeout(60_000);
  const client = connector.createClient(connection, credentials.data, { logger, http, signal });
  const noState = { get: async () => undefined, set: async () => {} };
  await connector.verify({
    connection,
    credentials: credentials.data,
    client,
    logger,
    signal,
    http,
    state: noState,
  });
  return { connector, provider: provider.data, config: config.data, credentials: credentials.data };
}
