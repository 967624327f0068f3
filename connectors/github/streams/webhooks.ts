/** webhooks: org webhooks as 'github.webhook' settings. */
import { defineStream } from '../../../scanner/connector.ts';
import type { GitHubClient } from '../client.ts';
import { collectList } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { GhWebhook, normalizeWebhook } from '../normalize/webhook.ts';

export const webhooksStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'webhooks',
  kinds: ['setting'],
  collect: (ctx, checkpoint) =>
    collectList(
      ctx,
      'webhooks',
      { route: 'GET /orgs/{org}/hooks', params: { org: orgOf(ctx) }, item: GhWebhook },
      normalizeWebhook,
      checkpoint,
    ),
});
