import { type AiTool, aiToolApproved } from '../../scanner/policy.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule<'setting'>({
  id: 'anthropic/workspace-unapproved-tool-use',
  title: 'Anthropic workspaces use only approved server tools',
  description:
    'Web search sends prompt content to search and brings outside content into the model; code execution runs code on Anthropic infrastructure with the data it is given. The Admin API has no switch for these tools, so their use (in the usage and cost reports) is what is checked against the tools the policy approves for the workspace.',
  remediation:
    'Find the keys of the workspace that call the tool (Claude Console > Usage, grouped by API key) and remove the tool from those applications, or approve the tool for this workspace in the tenant policy (approvedAiTools, scope anthropic:<workspace id>).',
  severity: 'medium',
  provider: 'anthropic',
  kind: 'setting',
  streams: ['workspace-tool-usage'],
  references: [
    'https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages',
    'https://platform.claude.com/docs/en/api/admin/cost_report',
  ],
  frameworks: { soc2: ['CC6.6', 'CC6.7'], iso27001: ['A.5.23', 'A.8.12'] },
  appliesTo: (asset) => asset.settingType === 'anthropic.workspace_tool_usage',
  evaluate(asset, ctx) {
    const { workspaceId, toolsUsed, webSearchRequests, codeExecutionCostCents, lookbackDays } = asset.values;
    const used = Array.isArray(toolsUsed) ? (toolsUsed as AiTool[]) : [];
    const unapproved = used.filter(
      (tool) => !aiToolApproved(ctx.policy, 'anthropic', String(workspaceId), tool),
    );
    if (unapproved.length === 0) return null;
    return {
      evidence: {
        workspaceId,
        unapprovedTools: unapproved,
        webSearchRequests,
        codeExecutionCostCents,
        lookbackDays,
      },
    };
  },
});
