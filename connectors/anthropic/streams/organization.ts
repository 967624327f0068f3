/** organization: the org itself (`/v1/organizations/me`), which org-wide findings attach to. */
import { defineStream } from '../../../scanner/connector.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { malformedResponse } from '../errors.ts';
import { anthropicManifest } from '../manifest.ts';
import { AnOrganization, normalizeOrganization } from '../normalize/organization.ts';

export async function readOrganization(client: AnthropicClient): Promise<AnOrganization> {
  const endpoint = anthropicManifest.endpoints.organization;
  const body = await client.call(endpoint, (sdk) => sdk.organization.retrieve());
  const parsed = AnOrganization.safeParse(body);
  if (!parsed.success) throw malformedResponse(endpoint, 'no organization id');
  return parsed.data;
}

export const organizationStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'organization',
  kinds: ['setting'],
  async *collect(ctx) {
    const org = await readOrganization(ctx.client);
    yield { assets: [normalizeOrganization(org, new Date().toISOString())] };
  },
});
