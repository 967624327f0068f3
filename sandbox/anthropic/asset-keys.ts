/**
 * Asset keys (`anthropic:<kind>:<externalId>`) exactly as the Anthropic connector builds them
 * (connectors/anthropic/MODEL.md), and the rule ids the generator plants, in one place so the
 * planted list, the oracle and the tests agree with the connector.
 */

/** The id tool usage in the default workspace is reported under (the usage report says null). */
export const DEFAULT_WORKSPACE_SCOPE = 'default';

export const anthropicAssetKey = {
  organization: (orgId: string) => `anthropic:setting:organization:${orgId}`,
  user: (userId: string) => `anthropic:identity:${userId}`,
  invite: (inviteId: string) => `anthropic:setting:invite:${inviteId}`,
  workspace: (workspaceId: string) => `anthropic:setting:workspace:${workspaceId}`,
  apiKey: (keyId: string) => `anthropic:api_key:${keyId}`,
  /** `workspaceId` null = the default workspace. */
  toolUsage: (workspaceId: string | null) =>
    `anthropic:setting:workspace-tool-usage:${workspaceId ?? DEFAULT_WORKSPACE_SCOPE}`,
} as const;

export const anthropicRuleIds = [
  'anthropic/high-privilege-invite',
  'anthropic/key-not-rotated',
  'anthropic/key-owner-removed',
  'anthropic/key-unused',
  'anthropic/key-without-expiry',
  'anthropic/stale-invite',
  'anthropic/too-many-admins',
  'anthropic/workspace-unapproved-tool-use',
] as const;

export type AnthropicRuleId = (typeof anthropicRuleIds)[number];
