/** The providers connected through a browser flow, and the connector each one creates. */
import type { Provider } from '../../scanner/model.ts';

export const connectProviders = ['google', 'microsoft', 'github'] as const;
export type ConnectProvider = (typeof connectProviders)[number];

export const connectorOf: Record<ConnectProvider, Provider> = {
  google: 'google-workspace',
  microsoft: 'microsoft-365',
  github: 'github',
};
