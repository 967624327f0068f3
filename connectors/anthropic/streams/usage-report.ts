/**
 * usage-report: whether the messages usage report can be read. It yields nothing: the key-use
 * rules depend on it, so an org whose report is unavailable (permission, plan) reports exactly
 * them as not evaluated, with the reason, instead of calling every key unused.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { loadKeyUsage } from '../usage.ts';

export const usageReportStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'usage-report',
  kinds: [],
  async *collect(ctx) {
    await loadKeyUsage(ctx.client);
    yield { assets: [] };
  },
});
