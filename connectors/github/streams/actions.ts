/** actions: org Actions policy and default workflow token permissions → one 'github.actions' setting. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { getResource } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhActionsPermissions, GhWorkflowPermissions, normalizeActions } from '../normalize/org-features.ts';
import { PageCache } from '../page-cache.ts';

export const actionsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'actions',
  kinds: ['setting'],
  async *collect(ctx) {
    const org = orgOf(ctx);
    const cache = await PageCache.load(ctx.state, 'actions');
    try {
      const [policy, workflow] = await Promise.all([
        getResource(ctx.client, cache, 'GET /orgs/{org}/actions/permissions', { org }, GhActionsPermissions),
        getResource(
          ctx.client,
          cache,
          'GET /orgs/{org}/actions/permissions/workflow',
          { org },
          GhWorkflowPermissions,
        ),
      ]);
      yield { assets: [normalizeActions(org, policy.body, workflow.body, new Date().toISOString())] };
    } finally {
      await cache.save(false);
    }
  },
});
