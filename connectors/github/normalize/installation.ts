/** `GET /orgs/{org}/installations` items → an app asset plus the installation's oauth_grant. */
import { z } from 'zod';
import type { AssetInput, ScopeRisk } from '../../../scanner/model.ts';
import { highestScopeRisk } from '../../../scanner/scope-risk/index.ts';
import { isoOrNull, levelMap, maybeNumber, maybeString } from './fields.ts';

export const GhInstallation = z.object({
  id: z.number().int(),
  app_id: maybeNumber,
  app_slug: z.string(),
  client_id: maybeString,
  repository_selection: maybeString,
  permissions: levelMap,
  events: z.array(z.string()).nullish(),
  created_at: maybeString,
  updated_at: maybeString,
  suspended_at: maybeString,
  html_url: maybeString,
});
export type GhInstallation = z.infer<typeof GhInstallation>;

/** `contents:write` style scopes, sorted so the asset is stable across scans. */
export function permissionScopes(permissions: Record<string, string> | null | undefined): string[] {
  return Object.entries(permissions ?? {})
    .map(([name, level]) => `${name}:${level}`)
    .sort();
}

/**
 * The rating of the installation's permissions (scanner/scope-risk). Breadth is not folded in:
 * whether the grant covers all repositories is `allResources`, which rules weigh themselves.
 * An installation with no permissions at all can do nothing, hence 'low'.
 */
function installationRisk(scopes: string[]): ScopeRisk | null {
  if (scopes.length === 0) return 'low';
  return highestScopeRisk('github', scopes)?.risk ?? null;
}

export function normalizeInstallation(installation: GhInstallation, observedAt: string): AssetInput[] {
  const slug = installation.app_slug;
  const scopes = permissionScopes(installation.permissions);
  const allResources = installation.repository_selection === 'all';
  const scopeRisk = installationRisk(scopes);
  const app: AssetInput = {
    provider: 'github',
    kind: 'app',
    externalId: slug,
    name: slug,
    observedAt,
    appId: slug,
    scopeRisk,
    attributes: { githubAppId: installation.app_id ?? null, clientId: installation.client_id ?? null },
  };
  const grant: AssetInput = {
    provider: 'github',
    kind: 'oauth_grant',
    externalId: `installation:${installation.id}`,
    name: slug,
    url: installation.html_url ?? null,
    observedAt,
    appId: slug,
    appName: slug,
    principal: null,
    principalType: 'organization',
    scopes,
    scopeRisk,
    allResources,
    createdAt: isoOrNull(installation.created_at),
    attributes: {
      installationId: installation.id,
      repositorySelection: installation.repository_selection ?? null,
      events: installation.events ?? [],
      suspended: Boolean(installation.suspended_at),
    },
  };
  return [app, grant];
}
