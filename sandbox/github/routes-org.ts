/**
 * Org settings and the grants that reach into the org: the org object, Actions and Copilot
 * policies, webhooks, App installations, SAML credential authorizations (GHEC only) and
 * fine-grained PAT grants and requests (GitHub Apps only).
 */
import { notFound, pagedReply, type Reply } from './rest.ts';
import type { GitHubCall, GitHubRoute } from './route-types.ts';
import { isOurOrg } from './routes-inventory.ts';
import { credentialWire, hookWire, installationWire, orgWire, patGrantWire } from './serialize.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/** A GET of one org-level object: 404 for another org, else the body. */
function orgObject(
  template: string,
  body: (call: GitHubCall) => unknown,
  access: GitHubRoute['access'] = 'owner',
): GitHubRoute {
  return {
    method: 'GET',
    template,
    access,
    handle: (call) => (isOurOrg(call) ? ok(body(call)) : notFound()),
  };
}

export const orgRoutes: GitHubRoute[] = [
  orgObject('/orgs/{org}', (call) => orgWire(call.wire), 'member'),
  orgObject('/orgs/{org}/actions/permissions', (call) => ({
    ...call.tenant.actionsPermissions,
    ...(call.tenant.actionsPermissions.allowed_actions === 'selected'
      ? {
          selected_actions_url: `${call.wire.api}/orgs/${call.tenant.org.login}/actions/permissions/selected-actions`,
        }
      : {}),
  })),
  orgObject('/orgs/{org}/actions/permissions/workflow', (call) => ({ ...call.tenant.workflowPermissions })),
  orgObject('/orgs/{org}/copilot/billing', (call) => call.tenant.copilotBilling),
  {
    method: 'GET',
    template: '/orgs/{org}/hooks',
    access: 'owner',
    handle: (call) =>
      isOurOrg(call) ? pagedReply(call, call.tenant.hooks, (h) => hookWire(call.wire, h)) : notFound(),
  },
  {
    method: 'GET',
    template: '/orgs/{org}/installations',
    access: 'owner',
    handle: (call) =>
      isOurOrg(call)
        ? pagedReply(call, call.tenant.installations, (i) => installationWire(call.wire, i), 'installations')
        : notFound(),
  },
  {
    method: 'GET',
    template: '/orgs/{org}/credential-authorizations',
    access: 'owner',
    handle(call) {
      // GHEC-only: on other plans the route does not exist.
      if (!call.ghec || !isOurOrg(call)) return notFound();
      const login = call.query.get('login');
      const list = login
        ? call.tenant.credentialAuthorizations.filter((c) => c.login === login)
        : call.tenant.credentialAuthorizations;
      return pagedReply(call, list, (c) => credentialWire(call.wire, c));
    },
  },
  {
    method: 'GET',
    template: '/orgs/{org}/personal-access-tokens',
    access: 'installation',
    handle: (call) =>
      isOurOrg(call)
        ? pagedReply(call, call.tenant.patGrants, (g) => patGrantWire(call.wire, g))
        : notFound(),
  },
  {
    method: 'GET',
    template: '/orgs/{org}/personal-access-token-requests',
    access: 'installation',
    handle: (call) =>
      isOurOrg(call)
        ? pagedReply(call, call.tenant.patRequests, (r) => patGrantWire(call.wire, r))
        : notFound(),
  },
];
