/**
 * The simulated Anthropic organization: what the Admin API serves, stored as the simulator's
 * own records (not wire JSON), so one record can be rendered in either API version's shape.
 */

/** The `anthropic-version` values the Admin API accepts. */
export const anthropicApiVersions = ['2023-06-01', '2026-10-21'] as const;
export type AnthropicApiVersion = (typeof anthropicApiVersions)[number];

export type OrganizationRole =
  | 'admin'
  | 'billing'
  | 'claude_code_user'
  | 'developer'
  | 'managed'
  | 'membership_admin'
  | 'owner'
  | 'primary_owner'
  | 'user';

export interface SimUser {
  id: string;
  email: string;
  name: string;
  role: OrganizationRole;
  added_at: string;
}

export interface SimInvite {
  id: string;
  email: string;
  role: OrganizationRole;
  status: 'accepted' | 'deleted' | 'expired' | 'pending';
  invited_at: string;
  expires_at: string;
  accepted_at: string | null;
  rbac_group_ids: string[];
}

export interface SimWorkspace {
  id: string;
  name: string;
  created_at: string;
  archived_at: string | null;
  display_color: string;
  external_key_id: string | null;
  data_residency: {
    workspace_geo: 'us';
    allowed_inference_geos: Array<'global' | 'us'> | 'unrestricted';
    default_inference_geo: 'global' | 'us';
  };
}

export type WorkspaceRole =
  | 'workspace_admin'
  | 'workspace_billing'
  | 'workspace_developer'
  | 'workspace_restricted_developer'
  | 'workspace_user';

export interface SimMember {
  user_id: string;
  workspace_id: string;
  workspace_role: WorkspaceRole;
}

export interface SimApiKey {
  id: string;
  name: string;
  created_at: string;
  created_by: { id: string; type: 'user' | 'service_account' } | null;
  expires_at: string | null;
  partial_key_hint: string;
  status: 'active' | 'archived' | 'expired' | 'inactive';
  /** The key's workspace; the default workspace's real id for keys in the default workspace. */
  workspaceId: string;
  /** Exact time of the last request made with the key (the API only reveals it per usage bucket). */
  lastUsedAt: string | null;
}

/** Messages usage of one key on one day: a row of the usage report before grouping. */
export interface SimUsage {
  /** When the usage happened (bucketed by the report's width). */
  at: string;
  apiKeyId: string;
  /** null = the default workspace, as the usage report says it. */
  workspaceId: string | null;
  model: string;
  uncachedInputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  webSearchRequests: number;
}

/** One cost line before grouping; `amountCents` becomes the report's decimal string. */
export interface SimCost {
  at: string;
  workspaceId: string | null;
  costType: 'tokens' | 'web_search' | 'code_execution';
  description: string;
  model: string | null;
  tokenType: string | null;
  amountCents: number;
}

export interface AnthropicOrg {
  organization: { id: string; name: string };
  defaultWorkspaceId: string;
  users: SimUser[];
  invites: SimInvite[];
  /** Workspaces other than the default one, in creation order. */
  workspaces: SimWorkspace[];
  /** Members per workspace id. */
  members: Map<string, SimMember[]>;
  apiKeys: SimApiKey[];
  usage: SimUsage[];
  costs: SimCost[];
}

/** One violation the generator planted: the rule and the asset key the connector builds. */
export interface Planted {
  ruleId: string;
  assetKey: string;
}
