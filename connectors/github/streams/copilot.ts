/** copilot: Copilot Business/Enterprise policy of the org; unavailable when the org has no Copilot. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { getResource } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhCopilotBilling, normalizeCopilot } from '../normalize/org-features.ts';
import { PageCache } from '../page-cache.ts';

export const copilotStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'copilot',
  kinds: ['setting'],
  async *collect(ctx) {
    const org = orgOf(ctx);
    const cache = await PageCache.load(ctx.state, 'copilot');
    try {
      const billing = await getResource(
        ctx.client,
        cache,
        'GET /orgs/{org}/copilot/billing',
        { org },
        GhCopilotBilling,
        {
          reason: 'copilot_not_enabled',
          message: 'the org has no Copilot Business or Enterprise subscription',
        },
      );
      yield { assets: [normalizeCopilot(org, billing.body, new Date().toISOString())] };
    } finally {
      await cache.save(false);
    }
  },
});
