/** Anthropic assets as the connector maps them (connectors/anthropic/MODEL.md), for the rule tests. */
import { apiKey, daysAgo, setting } from '../support.ts';

export function anthropicKey(
  fields: Parameters<typeof apiKey>[0] = {},
  attributes: Record<string, unknown> = {},
) {
  return apiKey({
    provider: 'anthropic',
    externalId: 'apikey_01abc',
    name: 'ci',
    keyType: 'anthropic_api_key',
    owner: 'user_01alice',
    hint: 'sk-ant-api03-R2D...igAA',
    createdAt: daysAgo(30),
    lastUsedAt: daysAgo(1),
    expiresAt: daysAgo(-90),
    ...fields,
    attributes: {
      status: 'active',
      workspaceId: 'wrkspc_01prod',
      scopeType: 'workspace',
      creatorType: 'user',
      creatorIsMember: true,
      usageLookbackDays: 90,
      usageWindowStart: daysAgo(90),
      ...attributes,
    },
  });
}

export function anthropicInvite(values: Record<string, unknown>) {
  return setting(
    'anthropic.invite',
    { email: 'new@acme.example', role: 'user', status: 'pending', invitedAt: daysAgo(1), ...values },
    {
      provider: 'anthropic',
      externalId: 'invite:invite_01x',
      name: 'new@acme.example',
      scope: 'organization',
    },
  );
}

export function anthropicToolUsage(workspaceId: string, toolsUsed: string[]) {
  return setting(
    'anthropic.workspace_tool_usage',
    { workspaceId, toolsUsed, webSearchRequests: 3, codeExecutionCostCents: 0, lookbackDays: 90 },
    {
      provider: 'anthropic',
      externalId: `workspace-tool-usage:${workspaceId}`,
      name: 'Research',
      scope: 'workspace',
    },
  );
}
