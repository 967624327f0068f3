/** `GET /orgs/{org}` → the 'github.org' setting. Owner-only fields are null when absent. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { maybeBoolean, maybeNumber, maybeString } from './fields.ts';

export const GhOrganization = z.object({
  login: z.string(),
  id: z.number(),
  name: maybeString,
  html_url: maybeString,
  two_factor_requirement_enabled: maybeBoolean,
  default_repository_permission: maybeString,
  members_can_create_repositories: maybeBoolean,
  members_allowed_repository_creation_type: maybeString,
  members_can_create_public_repositories: maybeBoolean,
  members_can_create_private_repositories: maybeBoolean,
  members_can_create_internal_repositories: maybeBoolean,
  members_can_fork_private_repositories: maybeBoolean,
  members_can_invite_outside_collaborators: maybeBoolean,
  members_can_delete_repositories: maybeBoolean,
  members_can_change_repo_visibility: maybeBoolean,
  web_commit_signoff_required: maybeBoolean,
  deploy_keys_enabled_for_repositories: maybeBoolean,
  secret_scanning_enabled_for_new_repositories: maybeBoolean,
  plan: z.object({ name: maybeString, seats: maybeNumber, filled_seats: maybeNumber }).nullish(),
});
export type GhOrganization = z.infer<typeof GhOrganization>;

export function normalizeOrgSettings(org: GhOrganization, observedAt: string): AssetInput {
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `org:${org.login}`,
    name: org.login,
    url: org.html_url ?? null,
    observedAt,
    settingType: 'github.org',
    scope: 'organization',
    values: {
      twoFactorRequired: org.two_factor_requirement_enabled ?? null,
      defaultRepositoryPermission: org.default_repository_permission ?? null,
      membersCanCreateRepositories: org.members_can_create_repositories ?? null,
      membersAllowedRepositoryCreationType: org.members_allowed_repository_creation_type ?? null,
      membersCanCreatePublicRepositories: org.members_can_create_public_repositories ?? null,
      membersCanCreatePrivateRepositories: org.members_can_create_private_repositories ?? null,
      membersCanCreateInternalRepositories: org.members_can_create_internal_repositories ?? null,
      membersCanForkPrivateRepositories: org.members_can_fork_private_repositories ?? null,
      membersCanInviteOutsideCollaborators: org.members_can_invite_outside_collaborators ?? null,
      membersCanDeleteRepositories: org.members_can_delete_repositories ?? null,
      membersCanChangeRepoVisibility: org.members_can_change_repo_visibility ?? null,
      webCommitSignoffRequired: org.web_commit_signoff_required ?? null,
      deployKeysEnabledForRepositories: org.deploy_keys_enabled_for_repositories ?? null,
      secretScanningEnabledForNewRepositories: org.secret_scanning_enabled_for_new_repositories ?? null,
    },
    attributes: {
      orgId: org.id,
      displayName: org.name ?? null,
      plan: org.plan?.name ?? null,
      seats: org.plan?.seats ?? null,
    },
  };
}
