/**
 * The simulated GitHub organization. Records keep GitHub's own field names (snake_case) so a
 * test can mutate them in the vocabulary of the API docs; URL fields are added when a record
 * is served because they depend on the simulator's origin. Everything here is mutable: change
 * a record and the next response (and its ETag) reflects it.
 */

export type TwoFactorState = 'enabled' | 'disabled' | 'insecure';
export type Permission = 'read' | 'write' | 'admin';

export interface GhUser {
  id: number;
  login: string;
  /** `disabled` members are listed by `filter=2fa_disabled`, `insecure` by `filter=2fa_insecure`. */
  two_factor: TwoFactorState;
}

export interface GhMember extends GhUser {
  role: 'admin' | 'member';
}

export interface GhOrg {
  login: string;
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  two_factor_requirement_enabled: boolean;
  default_repository_permission: 'read' | 'write' | 'admin' | 'none';
  members_can_create_repositories: boolean;
  members_allowed_repository_creation_type: 'all' | 'private' | 'none';
  members_can_create_public_repositories: boolean;
  members_can_create_private_repositories: boolean;
  members_can_create_internal_repositories: boolean;
  members_can_fork_private_repositories: boolean;
  members_can_invite_outside_collaborators: boolean;
  members_can_delete_repositories: boolean;
  members_can_change_repo_visibility: boolean;
  web_commit_signoff_required: boolean;
  deploy_keys_enabled_for_repositories: boolean;
  secret_scanning_push_protection_custom_link_enabled: boolean;
  secret_scanning_enabled_for_new_repositories: boolean;
  plan: { name: string; space: number; private_repos: number; filled_seats: number; seats: number };
}

export interface GhRepo {
  id: number;
  name: string;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  fork: boolean;
  default_branch: string;
  created_at: string;
  updated_at: string;
  pushed_at: string;
  secret_scanning: 'enabled' | 'disabled';
  secret_scanning_push_protection: 'enabled' | 'disabled';
}

export interface GhDeployKey {
  id: number;
  key: string;
  title: string;
  verified: boolean;
  created_at: string;
  read_only: boolean;
  added_by: string | null;
  last_used: string | null;
  enabled: boolean;
}

export interface GhInstallation {
  id: number;
  app_id: number;
  app_slug: string;
  client_id: string;
  repository_selection: 'all' | 'selected';
  permissions: Record<string, Permission>;
  events: string[];
  created_at: string;
  updated_at: string;
  suspended_at: string | null;
}

export interface GhCredentialAuthorization {
  login: string;
  credential_id: number;
  credential_type: 'personal access token' | 'SSH key' | 'OAuth app token' | 'GitHub app token';
  token_last_eight: string | null;
  credential_authorized_at: string;
  credential_accessed_at: string | null;
  authorized_credential_id: number | null;
  authorized_credential_note: string | null;
  authorized_credential_expires_at: string | null;
  scopes: string[];
  fingerprint?: string;
  authorized_credential_title?: string;
}

export interface GhPatPermissions {
  organization: Record<string, Permission>;
  repository: Record<string, Permission>;
  other: Record<string, Permission>;
}

interface GhPatBase {
  id: number;
  owner: { id: number; login: string };
  repository_selection: 'none' | 'all' | 'subset';
  permissions: GhPatPermissions;
  token_id: number;
  token_name: string;
  token_expired: boolean;
  token_expires_at: string | null;
  token_last_used_at: string | null;
}

export interface GhPatGrant extends GhPatBase {
  access_granted_at: string;
}

export interface GhPatRequest extends GhPatBase {
  reason: string | null;
  created_at: string;
}

export interface GhHook {
  id: number;
  name: 'web';
  active: boolean;
  events: string[];
  /** `secret` is stored in clear here and served masked, as GitHub does. */
  config: { url: string; content_type: 'json' | 'form'; insecure_ssl: '0' | '1'; secret?: string };
  created_at: string;
  updated_at: string;
}

export interface GhActionsPermissions {
  enabled_repositories: 'all' | 'none' | 'selected';
  allowed_actions: 'all' | 'local_only' | 'selected';
  sha_pinning_required: boolean;
}

export interface GhWorkflowPermissions {
  default_workflow_permissions: 'read' | 'write';
  can_approve_pull_request_reviews: boolean;
}

export interface GhCopilotBilling {
  seat_breakdown: {
    total: number;
    added_this_cycle: number;
    pending_invitation: number;
    pending_cancellation: number;
    active_this_cycle: number;
    inactive_this_cycle: number;
  };
  seat_management_setting: 'assign_all' | 'assign_selected' | 'disabled' | 'unconfigured';
  ide_chat: 'enabled' | 'disabled' | 'unconfigured';
  platform_chat: 'enabled' | 'disabled' | 'unconfigured';
  cli: 'enabled' | 'disabled' | 'unconfigured';
  public_code_suggestions: 'allow' | 'block' | 'unconfigured';
  plan_type: 'business' | 'enterprise';
}

export interface GhSecretAlert {
  number: number;
  /** Name (not full name) of the repository in this org. */
  repo: string;
  created_at: string;
  updated_at: string;
  state: 'open' | 'resolved';
  resolution: 'false_positive' | 'wont_fix' | 'revoked' | 'used_in_tests' | null;
  resolved_at: string | null;
  resolved_by: string | null;
  secret_type: string;
  secret_type_display_name: string;
  secret: string;
  validity: 'active' | 'inactive' | 'unknown';
  publicly_leaked: boolean;
  multi_repo: boolean;
}

/** The Periscope scanner's own GitHub App, installed on the org with read-only access. */
export interface GhScannerApp {
  appId: number;
  slug: string;
  installationId: number;
}

export interface GitHubTenant {
  org: GhOrg;
  members: GhMember[];
  outsideCollaborators: GhUser[];
  repos: GhRepo[];
  /** Deploy keys by repository name; repos without keys have no entry. */
  deployKeys: Map<string, GhDeployKey[]>;
  installations: GhInstallation[];
  credentialAuthorizations: GhCredentialAuthorization[];
  patGrants: GhPatGrant[];
  patRequests: GhPatRequest[];
  hooks: GhHook[];
  actionsPermissions: GhActionsPermissions;
  workflowPermissions: GhWorkflowPermissions;
  copilotBilling: GhCopilotBilling;
  secretAlerts: GhSecretAlert[];
  scannerApp: GhScannerApp;
}

/** A violation the generator put in on purpose: the scanner must report exactly these. */
export interface Planted {
  ruleId: string;
  /** `github:<kind>:<externalId>`, e.g. `github:identity:583231`. */
  assetKey: string;
}
