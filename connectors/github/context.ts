/** The context every GitHub stream receives, and the org it scans. */
import type { ConnectorContext } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import type { GitHubClient } from './client.ts';
import type { GitHubCredentials } from './credentials.ts';

export type GitHubContext = ConnectorContext<GitHubCredentials, GitHubClient>;

export function orgOf(ctx: Pick<GitHubContext, 'connection'>): string {
  const org = ctx.connection.config.org;
  if (!org) throw new PeriscopeError('config_invalid', 'github: the connection has no org configured');
  return org;
}
