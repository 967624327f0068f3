/**
 * Creating, listing and revoking API tokens (the CLI's `periscope token`). The token is returned
 * once, from createApiToken; afterwards only its hash and display prefix exist.
 */
import type { Database } from '../../db/client.ts';
import { getTenant } from '../../db/tenants.ts';
import { type ApiTokenRow, insertApiToken, listApiTokens, revokeApiToken } from '../../db/tokens.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { generateToken } from './format.ts';
import { installationScopes, type Scope, scopes } from './scopes.ts';

export interface CreateTokenRequest {
  /** Tenant slug the token is bound to; absent = the whole installation. */
  tenant?: string | undefined;
  scopes: string[];
  name?: string | undefined;
}

export interface CreatedToken {
  /** The token itself: shown once, never stored. */
  token: string;
  row: ApiTokenRow;
  tenantSlug: string | null;
}

export async function createApiToken(db: Database, request: CreateTokenRequest): Promise<CreatedToken> {
  const wanted = [...new Set(request.scopes)];
  if (wanted.length === 0)
    throw new PeriscopeError('config_invalid', `a token needs at least one --scope (${scopes.join(', ')})`);
  const unknown = wanted.filter((s) => !(scopes as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new PeriscopeError(
      'config_invalid',
      `unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}; scopes are ${scopes.join(', ')}`,
    );
  const tenant = request.tenant ? await getTenant(db, request.tenant) : null;
  const misplaced = wanted.filter((s) => installationScopes.includes(s as Scope));
  if (tenant && misplaced.length > 0)
    throw new PeriscopeError(
      'config_invalid',
      `scope ${misplaced.join(', ')} is for installation tokens: create it without --tenant`,
    );
  const { token, hash, displayPrefix } = generateToken();
  const row = await insertApiToken(db, {
    tenantId: tenant?.id ?? null,
    name: request.name?.trim() || (tenant ? `${tenant.slug} token` : 'installation token'),
    displayPrefix,
    tokenHash: hash,
    scopes: scopes.filter((s) => wanted.includes(s)),
  });
  return { token, row, tenantSlug: tenant?.slug ?? null };
}

export async function listTokens(db: Database, tenantSlug?: string) {
  const tenant = tenantSlug ? await getTenant(db, tenantSlug) : null;
  return listApiTokens(db, tenant ? { tenantId: tenant.id } : {});
}

export async function revokeToken(db: Database, id: string): Promise<ApiTokenRow> {
  return revokeApiToken(db, id);
}
