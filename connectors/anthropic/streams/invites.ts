/** invites: every invite (pending, accepted, expired) as an `anthropic.invite` setting. */
import { defineStream } from '../../../scanner/connector.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { anthropicManifest } from '../manifest.ts';
import { AnInvite, normalizeInvite } from '../normalize/invites.ts';

export const invitesStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'invites',
  kinds: ['setting'],
  async *collect(ctx) {
    const pages = ctx.client.list(
      anthropicManifest.endpoints.invites,
      (sdk) => sdk.organization.invites.list({ limit: ctx.client.pageSize }),
      AnInvite,
    );
    for await (const page of pages) {
      const observedAt = new Date().toISOString();
      yield { assets: page.map((invite) => normalizeInvite(invite, observedAt)) };
    }
  },
});
