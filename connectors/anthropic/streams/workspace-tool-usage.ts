/**
 * workspace-tool-usage: per workspace with usage in the window, the server tools it used — web
 * search (usage report requests, cost report lines) and code execution (cost report lines).
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { AnthropicClient } from '../client.ts';
import type { AnthropicCredentials } from '../credentials.ts';
import { loadWorkspaces } from '../directory.ts';
import { normalizeToolUsage } from '../normalize/tool-usage.ts';
import { DEFAULT_WORKSPACE, loadKeyUsage, loadToolCosts } from '../usage.ts';

export const workspaceToolUsageStream = defineStream<AnthropicCredentials, AnthropicClient>({
  name: 'workspace-tool-usage',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const [usage, costs] = await Promise.all([loadKeyUsage(client), loadToolCosts(client)]);
    // Names only: without the workspace list the id stands in.
    const workspaces = await loadWorkspaces(client).catch(() => []);
    const names = new Map(workspaces.map((ws) => [ws.id, ws.name]));
    names.set(DEFAULT_WORKSPACE, 'Default workspace');
    const ids = new Set([
      ...usage.activeWorkspaces,
      ...costs.codeExecutionCents.keys(),
      ...costs.webSearchCents.keys(),
    ]);
    const observedAt = new Date().toISOString();
    const assets = [...ids].sort().map((workspaceId) =>
      normalizeToolUsage(
        {
          workspaceId,
          name: names.get(workspaceId) ?? workspaceId,
          webSearchRequests: usage.webSearchByWorkspace.get(workspaceId) ?? 0,
          webSearchCostCents: costs.webSearchCents.get(workspaceId) ?? 0,
          codeExecutionCostCents: costs.codeExecutionCents.get(workspaceId) ?? 0,
          lookbackDays: usage.lookbackDays,
          windowStart: usage.windowStart,
        },
        observedAt,
      ),
    );
    yield { assets };
  },
});
