/** Directory users → identities. A cheap full read every scan (500 users a page). */
import { defineStream } from '../../../scanner/connector.ts';
import type { GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import { normalizeUser } from '../normalize/users.ts';

export const usersStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'users',
  kinds: ['identity'],
  async *collect(ctx) {
    const users = await ctx.client.users();
    const observedAt = new Date().toISOString();
    for (let i = 0; i < users.length; i += 500) {
      yield { assets: users.slice(i, i + 500).map((user) => normalizeUser(user, observedAt)) };
    }
  },
});
