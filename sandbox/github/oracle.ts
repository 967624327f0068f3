/**
 * Derives the violations present in a tenant straight from its data, with the thresholds the
 * rules document (90 days unused, more than 5 owners …). The generator's `planted` list is
 * what it meant to plant; this is what is actually there. Tests compare the two to prove the
 * generator plants nothing by accident, and a test that mutates the tenant ("fixes" a finding)
 * reads the expected findings from here instead of editing the planted list by hand.
 */

import { githubAssetKey } from './asset-keys.ts';
import { AI_APP_SLUG, shadowAiRuleIds } from './generate-access.ts';
import type { GitHubTenant, Planted } from './types.ts';

const UNUSED_DAYS = 90;
const MAX_OWNERS = 5;
const DAY_MS = 86_400_000;

function olderThan(iso: string | null, now: Date, days: number): boolean {
  return iso !== null && now.getTime() - Date.parse(iso) > days * DAY_MS;
}

/** "Unused": last use older than the threshold, or never used and granted before it. */
function unused(lastUsed: string | null, granted: string, now: Date): boolean {
  return lastUsed === null ? olderThan(granted, now, UNUSED_DAYS) : olderThan(lastUsed, now, UNUSED_DAYS);
}

const adminScope = (scope: string) =>
  scope.startsWith('admin:') || scope === 'delete_repo' || scope === 'site_admin';

export function findGitHubViolations(tenant: GitHubTenant, now: Date): Planted[] {
  const found: Planted[] = [];
  const add = (ruleId: string, assetKey: string) => found.push({ ruleId, assetKey });
  const { org } = tenant;
  const orgKey = githubAssetKey.orgSettings(org.login);

  if (!org.two_factor_requirement_enabled) add('github/org-two-factor-not-required', orgKey);
  if (org.default_repository_permission === 'write' || org.default_repository_permission === 'admin') {
    add('github/org-base-permission-too-broad', orgKey);
  }
  if (org.members_can_create_public_repositories) add('github/org-members-can-create-public-repos', orgKey);
  if (tenant.members.filter((m) => m.role === 'admin').length > MAX_OWNERS)
    add('github/org-too-many-owners', orgKey);
  const actionsKey = githubAssetKey.actions(org.login);
  const workflow = tenant.workflowPermissions;
  if (workflow.default_workflow_permissions === 'write' || workflow.can_approve_pull_request_reviews) {
    add('github/actions-workflow-token-can-write', actionsKey);
  }
  if (tenant.actionsPermissions.allowed_actions === 'all')
    add('github/actions-all-actions-allowed', actionsKey);
  if (tenant.copilotBilling.public_code_suggestions === 'allow') {
    add('github/copilot-public-code-suggestions-allowed', githubAssetKey.copilot(org.login));
  }

  for (const m of tenant.members) {
    if (m.two_factor === 'disabled') add('github/member-without-2fa', githubAssetKey.identity(m.id));
  }
  for (const c of tenant.outsideCollaborators) {
    if (c.two_factor === 'disabled')
      add('github/outside-collaborator-without-2fa', githubAssetKey.identity(c.id));
  }
  for (const r of tenant.repos) {
    if (r.visibility === 'public' && !r.archived && r.secret_scanning !== 'enabled') {
      add('github/public-repo-without-secret-scanning', githubAssetKey.repo(r.id));
    }
  }
  for (const [repo, keys] of tenant.deployKeys) {
    for (const k of keys) {
      const key = githubAssetKey.deployKey(`${org.login}/${repo}`, k.id);
      if (!k.read_only) add('github/deploy-key-write-access', key);
      if (unused(k.last_used, k.created_at, now)) add('github/deploy-key-unused', key);
    }
  }
  for (const a of tenant.secretAlerts) {
    if (a.state === 'open')
      add(
        'github/secret-scanning-alert-open',
        githubAssetKey.secretAlert(`${org.login}/${a.repo}`, a.number),
      );
  }
  for (const i of tenant.installations) {
    const writes = Object.entries(i.permissions).some(
      ([name, level]) => name !== 'metadata' && level !== 'read',
    );
    if (i.repository_selection === 'all' && writes) {
      add('github/app-installation-all-repos-write', githubAssetKey.installation(i.id));
    }
    // Org-wide by nature and unreviewed in a fresh tenant: both shadow-AI rules fire.
    if (i.app_slug === AI_APP_SLUG)
      for (const ruleId of shadowAiRuleIds) add(ruleId, githubAssetKey.installation(i.id));
  }
  for (const c of tenant.credentialAuthorizations) {
    const key = githubAssetKey.credential(c.credential_id);
    if (c.authorized_credential_expires_at === null) add('github/saml-credential-without-expiry', key);
    if (c.scopes.some(adminScope)) add('github/saml-credential-admin-scopes', key);
    if (unused(c.credential_accessed_at, c.credential_authorized_at, now))
      add('github/saml-credential-unused', key);
  }
  for (const g of tenant.patGrants) {
    if (g.token_expires_at === null)
      add('github/fine-grained-pat-without-expiry', githubAssetKey.patGrant(g.id));
    if (unused(g.token_last_used_at, g.access_granted_at, now)) {
      add('github/fine-grained-pat-unused', githubAssetKey.patGrant(g.id));
    }
  }
  for (const h of tenant.hooks) {
    const key = githubAssetKey.hook(h.id);
    if (!h.config.secret) add('github/webhook-without-secret', key);
    if (h.config.url.startsWith('http://')) add('github/webhook-insecure-url', key);
    if (h.config.insecure_ssl === '1') add('github/webhook-ssl-verification-disabled', key);
  }
  return found;
}
