/** org-settings: `GET /orgs/{org}` → the 'github.org' setting. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { getResource } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhOrganization, normalizeOrgSettings } from '../normalize/org.ts';
import { PageCache } from '../page-cache.ts';

export const orgSettingsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'org-settings',
  kinds: ['setting'],
  async *collect(ctx) {
    const cache = await PageCache.load(ctx.state, 'org-settings');
    try {
      const org = await getResource(
        ctx.client,
        cache,
        'GET /orgs/{org}',
        { org: orgOf(ctx) },
        GhOrganization,
      );
      yield { assets: [normalizeOrgSettings(org.body, new Date().toISOString())] };
    } finally {
      await cache.save(false);
    }
  },
});
