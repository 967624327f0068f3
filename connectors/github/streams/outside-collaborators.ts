/** outside-collaborators: identities with identityType 'outside_collaborator', 2FA as for members. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { resumeUrl } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { listPages } from '../list-pages.ts';
import { GhUser, mfaVerdict, normalizeOutsideCollaborator } from '../normalize/people.ts';
import { PageCache } from '../page-cache.ts';
import { idsWithoutTwoFactor } from './members.ts';

export const outsideCollaboratorsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'outside-collaborators',
  kinds: ['identity'],
  async *collect(ctx, checkpoint) {
    const route = 'GET /orgs/{org}/outside_collaborators';
    const cache = await PageCache.load(ctx.state, 'outside-collaborators');
    const start = resumeUrl(checkpoint);
    try {
      const withoutTwoFactor = await idsWithoutTwoFactor(ctx, cache, route);
      for await (const page of listPages(
        ctx.client,
        cache,
        { route, params: { org: orgOf(ctx) }, item: GhUser },
        start,
      )) {
        const observedAt = new Date().toISOString();
        const assets = page.items.map((user) =>
          normalizeOutsideCollaborator(user, mfaVerdict(user.id, withoutTwoFactor), observedAt),
        );
        yield { assets, checkpoint: { next: page.next } };
      }
    } finally {
      await cache.save(start !== undefined);
    }
  },
});
