/** Org-level settings: data retention, and pending/accepted invites. */
import { defineStream } from '../../../scanner/connector.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { PAGE_SIZE } from '../manifest.ts';
import { inviteSetting, organizationSetting } from '../normalize/settings.ts';
import { orgRetention } from '../org-data.ts';
import { Invite } from '../schemas.ts';
import { inBatches } from './fan-out.ts';

export const organizationStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'organization',
  kinds: ['setting'],
  async *collect(ctx) {
    yield { assets: [organizationSetting(await orgRetention(ctx.client), new Date().toISOString())] };
  },
});

export const invitesStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'invites',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const invites = await client.listAll('GET /organization/invites', Invite, (signal) =>
      client.admin.admin.organization.invites.list({ limit: PAGE_SIZE }, { signal }),
    );
    const observedAt = new Date().toISOString();
    yield* inBatches(invites.map((invite) => inviteSetting(invite, observedAt)));
  },
});
