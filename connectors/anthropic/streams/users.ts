/** users: organization members and their roles, as identities. */
import { defineStream } from '../../../scanner/connector.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { loadUsers } from '../directory.ts';
import { normalizeUser } from '../normalize/users.ts';

const BATCH = 1000;

export const usersStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'users',
  kinds: ['identity'],
  async *collect(ctx) {
    const users = await loadUsers(ctx.client);
    const observedAt = new Date().toISOString();
    for (let i = 0; i < users.length; i += BATCH) {
      yield { assets: users.slice(i, i + BATCH).map((user) => normalizeUser(user, observedAt)) };
    }
  },
});
