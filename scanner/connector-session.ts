/**
 * Everything a connector call needs for one stored connection: its config, the decrypted
 * credentials (opened here and nowhere else) and the SDK client built with the call counter.
 */
import type { Logger } from 'pino';
import type { AnyConnector } from '../connectors/index.ts';
import type { Database } from '../db/client.ts';
import type { Connection } from '../db/connections.ts';
import { openCredentials } from '../db/connections.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import type { ConnectionConfig } from './connector.ts';
import type { HttpCallCounter } from './http-counter.ts';

export interface ConnectorSession {
  config: ConnectionConfig;
  credentials: unknown;
  client: unknown;
}

export async function openConnectorSession(
  deps: { db: Database; box: SecretBox },
  connector: AnyConnector,
  connection: Connection,
  options: { logger: Logger; http: HttpCallCounter; signal: AbortSignal },
): Promise<ConnectorSession> {
  const stored = await openCredentials(deps.db, deps.box, connection.tenantId, connection.id);
  const credentials = connector.credentials.parse(stored);
  const config: ConnectionConfig = {
    id: connection.id,
    tenantId: connection.tenantId,
    provider: connector.provider,
    baseUrl: connection.baseUrl,
    config: connection.config,
  };
  return { config, credentials, client: connector.createClient(config, credentials, options) };
}
