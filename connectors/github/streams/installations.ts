/** installations: GitHub Apps installed on the org → app assets and installation grants. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { collectList } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhInstallation, normalizeInstallation } from '../normalize/installation.ts';

export const installationsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'installations',
  kinds: ['app', 'oauth_grant'],
  collect: (ctx, checkpoint) =>
    collectList(
      ctx,
      'installations',
      {
        route: 'GET /orgs/{org}/installations',
        params: { org: orgOf(ctx) },
        item: GhInstallation,
        // GitHub wraps this list: { total_count, installations: [...] }.
        wrappedIn: 'installations',
      },
      normalizeInstallation,
      checkpoint,
    ),
});
