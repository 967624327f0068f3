/** `GET /orgs/{org}/repos` items → 'github.repository' settings; also the deploy-key fan-out list. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeBoolean, maybeString } from './fields.ts';

const featureStatus = z.object({ status: maybeString }).nullish();

export const GhRepository = z.object({
  id: z.number().int(),
  name: z.string(),
  full_name: z.string(),
  html_url: maybeString,
  private: maybeBoolean,
  visibility: maybeString,
  archived: maybeBoolean,
  disabled: maybeBoolean,
  fork: maybeBoolean,
  is_template: maybeBoolean,
  default_branch: maybeString,
  pushed_at: maybeString,
  // Only visible to repository admins, org owners and security managers.
  security_and_analysis: z
    .object({ secret_scanning: featureStatus, secret_scanning_push_protection: featureStatus })
    .nullish(),
});
export type GhRepository = z.infer<typeof GhRepository>;

/** 'enabled' | 'disabled' as GitHub reports it, null when the token could not see it. */
function status(feature: { status?: string | null } | null | undefined): 'enabled' | 'disabled' | null {
  const value = feature?.status;
  return value === 'enabled' || value === 'disabled' ? value : null;
}

export function normalizeRepository(repo: GhRepository, observedAt: string): AssetInput {
  const visibility =
    repo.visibility ??
    (repo.private === undefined || repo.private === null ? null : repo.private ? 'private' : 'public');
  return {
    provider: 'github',
    kind: 'setting',
    externalId: `repo:${repo.id}`,
    name: repo.full_name,
    url: repo.html_url ?? null,
    observedAt,
    settingType: 'github.repository',
    scope: 'repository',
    values: {
      fullName: repo.full_name,
      visibility,
      archived: repo.archived ?? null,
      disabled: repo.disabled ?? null,
      fork: repo.fork ?? null,
      isTemplate: repo.is_template ?? null,
      defaultBranch: repo.default_branch ?? null,
      pushedAt: isoOrNull(repo.pushed_at),
      secretScanning: status(repo.security_and_analysis?.secret_scanning),
      pushProtection: status(repo.security_and_analysis?.secret_scanning_push_protection),
    },
  };
}
