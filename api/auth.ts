/**
 * Who is calling and what they may reach. Runs before the body is parsed: a bearer token is
 * checked (shape and checksum, then its hash against the live tokens), then the route's scope,
 * then the tenant named in the URL against the token's tenant. A tenant the token cannot reach
 * answers exactly as a tenant that does not exist, so tokens cannot probe for other tenants.
 * A request costs one query here: the token's tenant comes with the token, and its last use is
 * written at most once a minute.
 */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { findTenant, getTenantById, type Tenant } from '../db/tenants.ts';
import { findLiveApiToken, touchApiToken } from '../db/tokens.ts';
import { ApiError } from './errors.ts';
import type { RouteAccess, TokenIdentity } from './route.ts';
import { hashToken, isWellFormedToken, tokenPrefix } from './tokens/format.ts';
import type { Scope } from './tokens/scopes.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant a bound token was read with, so resolveTenant need not read it again. */
const tenantOfToken = new WeakMap<TokenIdentity, Tenant>();

/** The bearer token of a request, or null when there is no Authorization header. */
export function bearerToken(req: Pick<FastifyRequest, 'headers'>): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer <token>"');
  return match[1]!;
}

export async function authenticate(db: Database, req: FastifyRequest): Promise<TokenIdentity> {
  const presented = bearerToken(req);
  if (presented === null)
    throw new ApiError('unauthorized', 'an API token is required: Authorization: Bearer psc_…');
  if (!isWellFormedToken(presented))
    throw new ApiError('unauthorized', `not a Periscope API token (they start with ${tokenPrefix})`);
  const row = await findLiveApiToken(db, hashToken(presented));
  if (!row) throw new ApiError('unauthorized', 'unknown or revoked API token');
  await touchApiToken(db, row, new Date());
  const identity: TokenIdentity = {
    id: row.id,
    name: row.name,
    tenantId: row.tenantId,
    scopes: row.scopes as Scope[],
  };
  if (row.tenant) tenantOfToken.set(identity, row.tenant);
  return identity;
}

export function authorize(token: TokenIdentity, access: Exclude<RouteAccess, 'public'>): void {
  if (access.installation && token.tenantId !== null)
    throw new ApiError('forbidden', 'this needs an installation token (one created without --tenant)');
  if (access.scope && !token.scopes.includes(access.scope))
    throw new ApiError('forbidden', `this token lacks the scope ${access.scope}`, {
      requiredScope: access.scope,
    });
}

/** The tenant named by `ref` (slug or id) if this token may reach it. */
export async function resolveTenant(db: Database, token: TokenIdentity, ref: string): Promise<Tenant> {
  const own = tenantOfToken.get(token);
  if (own && (ref === own.slug || ref === own.id)) return own;
  const tenant = uuidPattern.test(ref)
    ? await getTenantById(db, ref).catch(() => undefined)
    : await findTenant(db, ref);
  if (!tenant || (token.tenantId !== null && tenant.id !== token.tenantId))
    throw new ApiError('not_found', `no tenant "${ref}"`);
  return tenant;
}
