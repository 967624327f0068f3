/**
 * The Anthropic connector: an organization read with an Admin API key through the official SDK,
 * over either wire version. See MODEL.md for the streams and how they map to the model.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { type AnthropicClient, createAnthropicClient } from './client.ts';
import { AnthropicConfig, AnthropicCredentials } from './credentials.ts';
import { anthropicManifest } from './manifest.ts';
import { apiKeysStream } from './streams/api-keys.ts';
import { invitesStream } from './streams/invites.ts';
import { organizationStream, readOrganization } from './streams/organization.ts';
import { usageReportStream } from './streams/usage-report.ts';
import { usersStream } from './streams/users.ts';
import { workspaceToolUsageStream } from './streams/workspace-tool-usage.ts';
import { workspacesStream } from './streams/workspaces.ts';

export type { AnthropicClient } from './client.ts';
export { AnthropicConfig, AnthropicCredentials } from './credentials.ts';

export const anthropicConnector = defineConnector<AnthropicCredentials, AnthropicClient>({
  provider: anthropicManifest.provider,
  credentials: AnthropicCredentials,
  config: AnthropicConfig,
  createClient: createAnthropicClient,
  // Longest first: the per-workspace member reads start while api-keys loads keys, usage and members.
  streams: [
    workspacesStream,
    apiKeysStream,
    usersStream,
    usageReportStream,
    workspaceToolUsageStream,
    invitesStream,
    organizationStream,
  ],
  async verify(ctx) {
    await readOrganization(ctx.client);
  },
});
