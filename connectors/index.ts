/** Every connector, by provider. Add a provider here when its connector lands. */
import type { Connector } from '../scanner/connector.ts';
import type { Provider } from '../scanner/model.ts';
import { anthropicConnector } from './anthropic/index.ts';
import { geminiConnector } from './gemini/index.ts';
import { githubConnector } from './github/index.ts';
import { googleWorkspaceConnector } from './google-workspace/index.ts';
import { microsoft365Connector } from './microsoft-365/index.ts';
import { openaiConnector } from './openai/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: each connector has its own credential and client types
export type AnyConnector = Connector<any, any>;
export type ConnectorRegistry = Partial<Record<Provider, AnyConnector>>;

export const connectors: ConnectorRegistry = {
  anthropic: anthropicConnector,
  gemini: geminiConnector,
  github: githubConnector,
  'google-workspace': googleWorkspaceConnector,
  'microsoft-365': microsoft365Connector,
  openai: openaiConnector,
};

/** Kept async so callers do not change when connectors load lazily. */
export async function loadConnectors(): Promise<ConnectorRegistry> {
  return connectors;
}
