/**
 * The page-size floor: the fewest calls any client needs to read what the GitHub connector
 * reads, given GitHub's cap of 100 items a page. One call per page of each list the connector
 * walks (an empty list still costs its one page), one per single object, one per repository's
 * deploy-key list, plus the installation token of App auth. Keyed like the simulator's request
 * counter (`METHOD template`) so it can be compared endpoint by endpoint.
 */
import type { GitHubTenant } from '../sandbox/index.ts';

const PER_PAGE = 100;
const pages = (items: number) => Math.max(1, Math.ceil(items / PER_PAGE));

export function pageSizeFloor(tenant: GitHubTenant): Record<string, number> {
  const members = tenant.members;
  const outside = tenant.outsideCollaborators;
  const withoutTwoFactor = (users: Array<{ two_factor: string }>) =>
    users.filter((u) => u.two_factor === 'disabled').length;
  let deployKeyPages = 0;
  for (const repo of tenant.repos) deployKeyPages += pages(tenant.deployKeys.get(repo.name)?.length ?? 0);

  return {
    'POST /app/installations/{installation_id}/access_tokens': 1,
    'GET /orgs/{org}': 1,
    // members: role=admin (owners), filter=2fa_disabled, then the full list: three lists.
    'GET /orgs/{org}/members':
      pages(members.filter((m) => m.role === 'admin').length) +
      pages(withoutTwoFactor(members)) +
      pages(members.length),
    'GET /orgs/{org}/outside_collaborators': pages(withoutTwoFactor(outside)) + pages(outside.length),
    // A minimal client lists the repositories once (the connector lists them twice, see notes).
    'GET /orgs/{org}/repos': pages(tenant.repos.length),
    'GET /repos/{owner}/{repo}/keys': deployKeyPages,
    'GET /orgs/{org}/installations': pages(tenant.installations.length),
    'GET /orgs/{org}/credential-authorizations': pages(tenant.credentialAuthorizations.length),
    'GET /orgs/{org}/personal-access-tokens': pages(tenant.patGrants.length),
    'GET /orgs/{org}/personal-access-token-requests': pages(tenant.patRequests.length),
    'GET /orgs/{org}/hooks': pages(tenant.hooks.length),
    'GET /orgs/{org}/actions/permissions': 1,
    'GET /orgs/{org}/actions/permissions/workflow': 1,
    'GET /orgs/{org}/secret-scanning/alerts': pages(tenant.secretAlerts.length),
    'GET /orgs/{org}/copilot/billing': 1,
  };
}
