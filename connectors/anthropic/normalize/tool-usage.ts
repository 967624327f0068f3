/**
 * Server tools a workspace used in the usage window → `anthropic.workspace_tool_usage` settings.
 * Tool names are the policy's (`web_search`, `code_interpreter` for code execution).
 */
import type { AssetInput } from '../../../scanner/model.ts';

export interface WorkspaceToolUse {
  /** Workspace id, or `default` for the default workspace. */
  workspaceId: string;
  name: string;
  webSearchRequests: number;
  webSearchCostCents: number;
  codeExecutionCostCents: number;
  lookbackDays: number;
  windowStart: string;
}

export function normalizeToolUsage(use: WorkspaceToolUse, observedAt: string): AssetInput {
  const toolsUsed: string[] = [];
  if (use.webSearchRequests > 0 || use.webSearchCostCents > 0) toolsUsed.push('web_search');
  if (use.codeExecutionCostCents > 0) toolsUsed.push('code_interpreter');
  return {
    provider: 'anthropic',
    kind: 'setting',
    externalId: `workspace-tool-usage:${use.workspaceId}`,
    name: use.name,
    observedAt,
    settingType: 'anthropic.workspace_tool_usage',
    scope: 'workspace',
    values: {
      workspaceId: use.workspaceId,
      toolsUsed,
      webSearchRequests: use.webSearchRequests,
      webSearchCostCents: use.webSearchCostCents,
      codeExecutionCostCents: use.codeExecutionCostCents,
      lookbackDays: use.lookbackDays,
      windowStart: use.windowStart,
    },
  };
}
