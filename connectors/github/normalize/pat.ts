/** Fine-grained PAT grants and pending requests (GitHub App only) → api_key assets. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, levelMap, maybeBoolean, maybeNumber, maybeString, strongestLevel } from './fields.ts';

export const GhPatGrant = z.object({
  id: z.number().int(),
  owner: z.object({ login: z.string(), id: maybeNumber }),
  repository_selection: maybeString,
  permissions: z.object({ organization: levelMap, repository: levelMap, other: levelMap }).nullish(),
  access_granted_at: maybeString,
  created_at: maybeString,
  reason: maybeString,
  token_id: maybeNumber,
  token_name: maybeString,
  token_expired: maybeBoolean,
  token_expires_at: maybeString,
  token_last_used_at: maybeString,
});
export type GhPatGrant = z.infer<typeof GhPatGrant>;

/** `repository:contents:write` style scopes across the three permission groups. */
function patScopes(permissions: GhPatGrant['permissions']): string[] {
  const scopes: string[] = [];
  for (const [group, map] of Object.entries(permissions ?? {})) {
    for (const [name, level] of Object.entries(map ?? {})) scopes.push(`${group}:${name}:${level}`);
  }
  return scopes.sort();
}

function normalizePat(pat: GhPatGrant, status: 'approved' | 'pending', observedAt: string): AssetInput {
  const scopes = patScopes(pat.permissions);
  return {
    provider: 'github',
    kind: 'api_key',
    externalId: status === 'approved' ? `pat:${pat.id}` : `pat-request:${pat.id}`,
    name: pat.token_name ?? `token ${pat.token_id ?? pat.id}`,
    observedAt,
    keyType: status === 'approved' ? 'github_fine_grained_pat' : 'github_fine_grained_pat_request',
    owner: pat.owner.login,
    hint: null,
    scopes,
    access: strongestLevel(scopes.map((scope) => scope.split(':').at(-1) ?? '')),
    createdAt: isoOrNull(status === 'approved' ? pat.access_granted_at : pat.created_at),
    lastUsedAt: isoOrNull(pat.token_last_used_at),
    expiresAt: isoOrNull(pat.token_expires_at),
    attributes: {
      status,
      tokenId: pat.token_id ?? null,
      tokenExpired: pat.token_expired ?? null,
      repositorySelection: pat.repository_selection ?? null,
      expiryReported: pat.token_expires_at !== undefined,
      ...(status === 'pending' ? { reason: pat.reason ?? null } : {}),
    },
  };
}

export const normalizePatGrant = (pat: GhPatGrant, observedAt: string) =>
  normalizePat(pat, 'approved', observedAt);
export const normalizePatRequest = (pat: GhPatGrant, observedAt: string) =>
  normalizePat(pat, 'pending', observedAt);
