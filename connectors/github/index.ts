/**
 * The GitHub connector: an org scanned with an owner's token or (recommended) a read-only
 * GitHub App installation. One stream per API surface; see manifest.ts for what each needs.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { createGitHubClient, type GitHubClient } from './client.ts';
import { getResource } from './collect-list.ts';
import { orgOf } from './context.ts';
import { GitHubConfig, GitHubCredentials } from './credentials.ts';
import { githubManifest } from './manifest.ts';
import { GhOrganization } from './normalize/org.ts';
import { PageCache } from './page-cache.ts';
import { actionsStream } from './streams/actions.ts';
import { copilotStream } from './streams/copilot.ts';
import { deployKeysStream } from './streams/deploy-keys.ts';
import { installationsStream } from './streams/installations.ts';
import { membersStream } from './streams/members.ts';
import { orgSettingsStream } from './streams/org-settings.ts';
import { outsideCollaboratorsStream } from './streams/outside-collaborators.ts';
import { patGrantsStream } from './streams/pat-grants.ts';
import { reposStream } from './streams/repos.ts';
import { samlCredentialsStream } from './streams/saml-credentials.ts';
import { secretScanningAlertsStream } from './streams/secret-scanning-alerts.ts';
import { webhooksStream } from './streams/webhooks.ts';

export type { GitHubClient } from './client.ts';
export { GitHubConfig, GitHubCredentials } from './credentials.ts';

export const githubConnector = defineConnector<GitHubCredentials, GitHubClient>({
  provider: githubManifest.provider,
  credentials: GitHubCredentials,
  config: GitHubConfig,
  createClient: createGitHubClient,
  // Longest first: the per-repository fan-out starts while the other streams share the second lane.
  streams: [
    deployKeysStream,
    orgSettingsStream,
    membersStream,
    outsideCollaboratorsStream,
    reposStream,
    installationsStream,
    samlCredentialsStream,
    patGrantsStream,
    webhooksStream,
    actionsStream,
    secretScanningAlertsStream,
    copilotStream,
  ],
  async verify(ctx) {
    // One cheap call that needs working credentials and access to the org; its ETag is not kept.
    const scratch = await PageCache.load({ get: async () => undefined, set: async () => {} }, 'verify');
    await getResource(ctx.client, scratch, 'GET /orgs/{org}', { org: orgOf(ctx) }, GhOrganization);
  },
});
