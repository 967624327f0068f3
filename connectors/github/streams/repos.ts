/** repos: every org repository as a 'github.repository' setting. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { collectList } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhRepository, normalizeRepository } from '../normalize/repository.ts';

export const reposStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'repos',
  kinds: ['setting'],
  collect: (ctx, checkpoint) =>
    collectList(
      ctx,
      'repos',
      { route: 'GET /orgs/{org}/repos', params: { org: orgOf(ctx), type: 'all' }, item: GhRepository },
      normalizeRepository,
      checkpoint,
    ),
});
