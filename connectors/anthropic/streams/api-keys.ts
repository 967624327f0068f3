/**
 * api-keys: every API key (1000 per page), joined with the shared usage report (last use) and
 * member list (is the creator still a member?). When either cannot be read the keys are still
 * yielded, with use or membership unknown; the rules that need them are then not evaluated.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { errorMessage } from '../../../scanner/errors.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { loadUsers } from '../directory.ts';
import { anthropicManifest } from '../manifest.ts';
import { AnApiKey, normalizeApiKey } from '../normalize/api-keys.ts';
import { loadKeyUsage } from '../usage.ts';

const BATCH = 1000;

function unknownOnFailure<T>(client: AnthropicClient, what: string, promise: Promise<T>): Promise<T | null> {
  return promise.then(
    (value) => value,
    (error) => {
      client.logger.warn(
        { error: errorMessage(error) },
        `anthropic api-keys: ${what} unavailable; left unknown`,
      );
      return null;
    },
  );
}

export const apiKeysStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'api-keys',
  kinds: ['api_key'],
  async *collect(ctx) {
    const { client } = ctx;
    // Started first, so the report and member pages load while the key pages do.
    const usage = unknownOnFailure(client, 'usage report', loadKeyUsage(client));
    const users = unknownOnFailure(client, 'member list', loadUsers(client));
    const keys: AnApiKey[] = [];
    const pages = client.list(
      anthropicManifest.endpoints.apiKeys,
      (sdk) => sdk.organization.apiKeys.list({ limit: client.pageSize }),
      AnApiKey,
    );
    for await (const page of pages) keys.push(...page);
    const members = await users;
    const context = {
      usage: await usage,
      memberIds: members ? new Set(members.map((user) => user.id)) : null,
    };
    const observedAt = new Date().toISOString();
    for (let i = 0; i < keys.length; i += BATCH) {
      yield { assets: keys.slice(i, i + BATCH).map((key) => normalizeApiKey(key, context, observedAt)) };
    }
  },
});
