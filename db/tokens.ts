/**
 * REST API tokens at rest: a hash, a display prefix, scopes and an optional tenant. The token
 * itself never reaches this table; api/tokens/ makes and checks tokens and calls these.
 */
import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Database } from './client.ts';
import { apiTokens, tenants } from './schema.ts';
import type { Tenant } from './tenants.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** How often a token's last use is written at most: reads under load must not each cost a write. */
export const lastUsedResolutionMs = 60_000;

export interface NewApiToken {
  tenantId: string | null;
  name: string;
  displayPrefix: string;
  tokenHash: string;
  scopes: string[];
}

export async function insertApiToken(db: Database, token: NewApiToken): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row!;
}

/**
 * The live (not revoked) token with this hash and the tenant it is bound to (null for an
 * installation token), in one query: the API reads both on every request.
 */
export async function findLiveApiToken(
  db: Database,
  tokenHash: string,
): Promise<(ApiTokenRow & { tenantSlug: string | null; tenant: Tenant | null }) | undefined> {
  const [row] = await db
    .select({ token: apiTokens, tenant: tenants })
    .from(apiTokens)
    .leftJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ? { ...row.token, tenantSlug: row.tenant?.slug ?? null, tenant: row.tenant } : undefined;
}

/**
 * Records a use of the token, at most once per `lastUsedResolutionMs`: `lastUsedAt` is the value
 * already read with the token, so a recent one costs no query at all. The WHERE repeats the check
 * so concurrent requests of one token still write once.
 */
export async function touchApiToken(
  db: Database,
  token: Pick<ApiTokenRow, 'id' | 'lastUsedAt'>,
  now: Date,
): Promise<void> {
  const threshold = new Date(now.getTime() - lastUsedResolutionMs);
  if (token.lastUsedAt && token.lastUsedAt >= threshold) return;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, threshold))),
    );
}

export async function listApiTokens(
  db: Database,
  filter: { tenantId?: string } = {},
): Promise<Array<ApiTokenRow & { tenantSlug: string | null }>> {
  const conditions: SQL[] = [];
  if (filter.tenantId) conditions.push(eq(apiTokens.tenantId, filter.tenantId));
  const rows = await db
    .select({ token: apiTokens, tenantSlug: tenants.slug })
    .from(apiTokens)
    .leftJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(and(...conditions))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...r.token, tenantSlug: r.tenantSlug }));
}

/** Revokes by id; revoking a revoked token is a no-op that returns it unchanged. */
export async function revokeApiToken(db: Database, id: string, now = new Date()): Promise<ApiTokenRow> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw new PeriscopeError('not_found', `no API token ${id} (see: periscope token list)`);
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  if (revoked) return revoked;
  const [existing] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!existing) throw new PeriscopeError('not_found', `no API token ${id} (see: periscope token list)`);
  return existing;
}
