/**
 * GitHub App endpoints (JWT-authenticated) and `/rate_limit`. The simulator knows one App —
 * the scanner's — installed once on the org.
 */
import { SCANNER_APP_PERMISSIONS } from './generate-access.ts';
import { notFound, type Reply } from './rest.ts';
import type { GitHubCall, GitHubRoute } from './route-types.ts';
import { isOurOrg } from './routes-inventory.ts';
import { installationWire } from './serialize.ts';

function scannerInstallation(call: GitHubCall) {
  const id = call.tenant.scannerApp.installationId;
  return call.tenant.installations.find((i) => i.id === id);
}

function installationById(call: GitHubCall): Reply {
  const installation = scannerInstallation(call);
  if (!installation || String(installation.id) !== call.params.installation_id) return notFound();
  return { status: 200, body: installationWire(call.wire, installation) };
}

export function rateLimitBody(
  call: GitHubCall,
  core: { limit: number; remaining: number; used: number; reset: number },
) {
  const other = (limit: number) => ({ limit, remaining: limit, reset: core.reset, used: 0 });
  const resources = {
    core,
    search: other(30),
    graphql: other(5000),
    code_search: other(10),
    integration_manifest: other(5000),
    actions_runner_registration: other(10000),
    scim: other(15000),
    dependency_snapshots: other(100),
    dependency_sbom: other(100),
    code_scanning_autofix: other(10),
    copilot_usage_records: other(100),
    source_import: other(100),
  };
  // API version 2026-03-10 removed the top-level `rate` (use resources.core).
  return call.wire.version === '2022-11-28' ? { resources, rate: core } : { resources };
}

export const appRoutes: GitHubRoute[] = [
  {
    method: 'POST',
    template: '/app/installations/{installation_id}/access_tokens',
    access: 'app',
    handle(call) {
      const installation = scannerInstallation(call);
      if (!installation || String(installation.id) !== call.params.installation_id) return notFound();
      const { token, expires_at } = call.auth.mintInstallationToken(installation.id);
      return {
        status: 201,
        cacheable: false,
        body: {
          token,
          expires_at,
          permissions: { ...SCANNER_APP_PERMISSIONS },
          repository_selection: installation.repository_selection,
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/app/installations/{installation_id}',
    access: 'app',
    handle: installationById,
  },
  {
    method: 'GET',
    template: '/orgs/{org}/installation',
    access: 'app',
    handle(call) {
      const installation = scannerInstallation(call);
      if (!installation || !isOurOrg(call)) return notFound();
      return { status: 200, body: installationWire(call.wire, installation) };
    },
  },
];
