/**
 * workspaces: each workspace with its member counts and admins, members read for several
 * workspaces at once (the client's gate bounds the calls in flight). Archived workspaces are
 * kept, without a member read: nothing can run in them.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { forEachConcurrently } from '../../../scanner/for-each-concurrently.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { loadWorkspaces } from '../directory.ts';
import { anthropicManifest } from '../manifest.ts';
import { AnWorkspaceMember, normalizeWorkspace } from '../normalize/workspaces.ts';

async function membersOf(client: AnthropicClient, workspaceId: string): Promise<AnWorkspaceMember[]> {
  const members: AnWorkspaceMember[] = [];
  const pages = client.list(
    anthropicManifest.endpoints.members,
    (sdk) => sdk.organization.workspaces.members.list(workspaceId, { limit: client.pageSize }),
    AnWorkspaceMember,
  );
  for await (const page of pages) members.push(...page);
  return members;
}

export const workspacesStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'workspaces',
  kinds: ['setting'],
  async *collect(ctx) {
    const workspaces = await loadWorkspaces(ctx.client);
    const assets: AssetInput[] = new Array(workspaces.length);
    const observedAt = new Date().toISOString();
    const indexed = workspaces.map((ws, index) => ({ ws, index }));
    await forEachConcurrently(indexed, ctx.client.concurrency, async ({ ws, index }) => {
      const members = ws.archived_at ? null : await membersOf(ctx.client, ws.id);
      assets[index] = normalizeWorkspace(ws, members, observedAt);
    });
    yield { assets };
  },
});
