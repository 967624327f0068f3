/**
 * One pass over the messages usage report (1d buckets grouped by api_key_id and workspace_id)
 * and one over the cost report (grouped by workspace_id and description), each shared by every
 * stream that needs it. They give the last day each key was used and the server tools each
 * workspace used: Anthropic has no tool switches in its API, so observed use is the signal.
 */
import { z } from 'zod';
import type { AnthropicClient } from './client.ts';
import { anthropicManifest } from './manifest.ts';

const DAY_MS = 86_400_000;
/** How the report names the default workspace when grouping by workspace_id. */
export const DEFAULT_WORKSPACE = 'default';

const UsageItem = z.object({
  api_key_id: z.string().nullish(),
  workspace_id: z.string().nullish(),
  uncached_input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  server_tool_use: z.object({ web_search_requests: z.number().nullish() }).nullish(),
});

const CostItem = z.object({
  workspace_id: z.string().nullish(),
  cost_type: z.string().nullish(),
  // Cents as a decimal string ("123.45" is $1.23).
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'amount is not a decimal string'),
});

export interface KeyUsage {
  lookbackDays: number;
  windowStart: string;
  /** Key id → end of the last day it was used (clamped to now). */
  lastUsedByKey: Map<string, string>;
  /** Workspace id (or `default`) → web search requests in the window. */
  webSearchByWorkspace: Map<string, number>;
  /** Workspaces with any usage in the window. */
  activeWorkspaces: Set<string>;
}

export interface ToolCosts {
  /** Workspace id (or `default`) → code execution cost in cents in the window. */
  codeExecutionCents: Map<string, number>;
  webSearchCents: Map<string, number>;
}

/** The report window: from midnight UTC `lookbackDays` ago until now. */
function usageWindow(client: AnthropicClient, now: Date) {
  const start = Math.floor((now.getTime() - client.usageLookbackDays * DAY_MS) / DAY_MS) * DAY_MS;
  return { starting_at: new Date(start).toISOString(), ending_at: now.toISOString() };
}

export function loadKeyUsage(client: AnthropicClient): Promise<KeyUsage> {
  return client.once('usage-report', async () => {
    const now = new Date();
    const window = usageWindow(client, now);
    const usage: KeyUsage = {
      lookbackDays: client.usageLookbackDays,
      windowStart: window.starting_at,
      lastUsedByKey: new Map(),
      webSearchByWorkspace: new Map(),
      activeWorkspaces: new Set(),
    };
    const query = {
      ...window,
      bucket_width: '1d',
      group_by: ['api_key_id', 'workspace_id'],
      limit: client.reportPageSize,
    };
    const pages = client.report(
      anthropicManifest.endpoints.usage,
      '/v1/organizations/usage_report/messages',
      query,
      UsageItem,
    );
    for await (const buckets of pages) {
      for (const bucket of buckets) {
        const end = new Date(Math.min(Date.parse(bucket.endingAt), now.getTime())).toISOString();
        for (const row of bucket.results) {
          const workspace = row.workspace_id ?? DEFAULT_WORKSPACE;
          usage.activeWorkspaces.add(workspace);
          if (row.api_key_id) {
            const seen = usage.lastUsedByKey.get(row.api_key_id);
            if (!seen || end > seen) usage.lastUsedByKey.set(row.api_key_id, end);
          }
          const searches = row.server_tool_use?.web_search_requests ?? 0;
          if (searches > 0) {
            usage.webSearchByWorkspace.set(
              workspace,
              (usage.webSearchByWorkspace.get(workspace) ?? 0) + searches,
            );
          }
        }
      }
    }
    return usage;
  });
}

export function loadToolCosts(client: AnthropicClient): Promise<ToolCosts> {
  return client.once('cost-report', async () => {
    const costs: ToolCosts = { codeExecutionCents: new Map(), webSearchCents: new Map() };
    const query = {
      ...usageWindow(client, new Date()),
      bucket_width: '1d',
      group_by: ['workspace_id', 'description'],
      limit: client.reportPageSize,
    };
    const pages = client.report(
      anthropicManifest.endpoints.costs,
      '/v1/organizations/cost_report',
      query,
      CostItem,
    );
    for await (const buckets of pages) {
      for (const row of buckets.flatMap((b) => b.results)) {
        const into =
          row.cost_type === 'code_execution'
            ? costs.codeExecutionCents
            : row.cost_type === 'web_search'
              ? costs.webSearchCents
              : null;
        if (!into) continue;
        const workspace = row.workspace_id ?? DEFAULT_WORKSPACE;
        into.set(workspace, (into.get(workspace) ?? 0) + Number(row.amount));
      }
    }
    return costs;
  });
}
