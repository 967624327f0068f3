/**
 * Organization-level settings: the org itself, Actions permissions and Copilot billing. By
 * default the org violates every org-level rule (a demo should show them); `clean` flips each
 * to its secure value.
 */
import type { Random } from '../random.ts';
import { githubAssetKey } from './asset-keys.ts';
import type { TenantClock } from './clock.ts';
import type {
  GhActionsPermissions,
  GhCopilotBilling,
  GhOrg,
  GhWorkflowPermissions,
  Planted,
} from './types.ts';

export interface OrgSettingsSection {
  org: GhOrg;
  actionsPermissions: GhActionsPermissions;
  workflowPermissions: GhWorkflowPermissions;
  copilotBilling: GhCopilotBilling;
}

export function generateOrgSettings(
  login: string,
  random: Random,
  clock: TenantClock,
  clean: boolean,
  memberCount: number,
  plant: (p: Planted) => void,
): OrgSettingsSection {
  const orgKey = githubAssetKey.orgSettings(login);
  const org: GhOrg = {
    login,
    id: random.int(1_000_000, 9_000_000),
    name: `${login[0]?.toUpperCase()}${login.slice(1)} Inc.`,
    created_at: clock.daysAgo(random.int(900, 2000)),
    updated_at: clock.fresh(),
    two_factor_requirement_enabled: clean,
    default_repository_permission: clean ? 'read' : 'write',
    members_can_create_repositories: true,
    members_allowed_repository_creation_type: clean ? 'private' : 'all',
    members_can_create_public_repositories: !clean,
    members_can_create_private_repositories: true,
    members_can_create_internal_repositories: true,
    members_can_fork_private_repositories: false,
    members_can_invite_outside_collaborators: true,
    members_can_delete_repositories: false,
    members_can_change_repo_visibility: false,
    web_commit_signoff_required: false,
    deploy_keys_enabled_for_repositories: true,
    secret_scanning_push_protection_custom_link_enabled: false,
    secret_scanning_enabled_for_new_repositories: true,
    plan: {
      name: 'enterprise',
      space: 976562499,
      private_repos: 999999,
      filled_seats: memberCount,
      seats: memberCount + 10,
    },
  };
  const actionsPermissions: GhActionsPermissions = {
    enabled_repositories: 'all',
    allowed_actions: clean ? 'selected' : 'all',
    sha_pinning_required: false,
  };
  const workflowPermissions: GhWorkflowPermissions = {
    default_workflow_permissions: clean ? 'read' : 'write',
    // Near-miss inside a violating org: only one of the two conditions is set.
    can_approve_pull_request_reviews: false,
  };
  const active = Math.floor(memberCount * 0.6);
  const copilotBilling: GhCopilotBilling = {
    seat_breakdown: {
      total: memberCount,
      added_this_cycle: random.int(0, 3),
      pending_invitation: 0,
      pending_cancellation: 0,
      active_this_cycle: active,
      inactive_this_cycle: memberCount - active,
    },
    seat_management_setting: 'assign_all',
    ide_chat: 'enabled',
    platform_chat: 'enabled',
    cli: 'enabled',
    public_code_suggestions: clean ? 'block' : 'allow',
    plan_type: 'business',
  };

  if (!clean) {
    plant({ ruleId: 'github/org-two-factor-not-required', assetKey: orgKey });
    plant({ ruleId: 'github/org-base-permission-too-broad', assetKey: orgKey });
    plant({ ruleId: 'github/org-members-can-create-public-repos', assetKey: orgKey });
    plant({ ruleId: 'github/org-too-many-owners', assetKey: orgKey });
    plant({ ruleId: 'github/actions-workflow-token-can-write', assetKey: githubAssetKey.actions(login) });
    plant({ ruleId: 'github/actions-all-actions-allowed', assetKey: githubAssetKey.actions(login) });
    plant({
      ruleId: 'github/copilot-public-code-suggestions-allowed',
      assetKey: githubAssetKey.copilot(login),
    });
  }
  return { org, actionsPermissions, workflowPermissions, copilotBilling };
}
