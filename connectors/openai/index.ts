/**
 * The OpenAI connector: an admin key reads the organization (users, invites, projects and their
 * posture, keys, audit log) through the SDK's admin resources; optional project keys add the
 * project-scoped files, vector stores and assistants. See MODEL.md for the streams.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { createOpenAIClient, type OpenAIClient } from './client.ts';
import { fetchOpenAIContent } from './content.ts';
import { OpenAIConfig, OpenAICredentials } from './credentials.ts';
import { adminKeysStream, projectKeysStream } from './streams/keys.ts';
import { invitesStream, organizationStream } from './streams/organization.ts';
import { assistantsStream, filesStream, vectorStoresStream } from './streams/project-content.ts';
import { projectsStream } from './streams/projects.ts';
import { serviceAccountsStream } from './streams/service-accounts.ts';
import { auditLogStream, usersStream } from './streams/users.ts';

export type { OpenAIClient } from './client.ts';
export { OpenAIConfig, OpenAICredentials } from './credentials.ts';

export const openaiConnector = defineConnector<OpenAICredentials, OpenAIClient>({
  provider: 'openai',
  credentials: OpenAICredentials,
  config: OpenAIConfig,
  createClient: createOpenAIClient,
  // Per-project fan-outs first, so the small org-level reads share the other lane.
  streams: [
    projectsStream,
    projectKeysStream,
    serviceAccountsStream,
    usersStream,
    auditLogStream,
    adminKeysStream,
    invitesStream,
    organizationStream,
    filesStream,
    vectorStoresStream,
    assistantsStream,
  ],
  async verify(ctx) {
    // The cheapest admin read that proves the key: one project.
    await ctx.client.call('GET /organization/projects', (signal) =>
      ctx.client.admin.admin.organization.projects.list({ limit: 1 }, { signal }),
    );
  },
  fetchContent: fetchOpenAIContent,
  contentRatePerSecond: 5,
});
