/** Every connector, by provider. Add a provider here when its connector lands. */
import type { Connector } from '../scanner/connector.ts';
import type { Provider } from '../scanner/model.ts';

export type ConnectorRegistry = Partial<Record<Provider, Connector<any, any>>>;

export async function loadConnectors(): Promise<ConnectorRegistry> {
  const { githubConnector } = await import('./github/index.ts');
  return { github: githubConnector };
}
