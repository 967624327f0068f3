/** Assets page by page for the API, ordered by key; always scoped to one tenant. */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { AssetRow } from './assets.ts';
import type { Database } from './client.ts';
import { assets } from './schema.ts';

export interface AssetSearch {
  kind?: string[];
  provider?: string[];
  connectionId?: string;
  /** Also assets a completed stream no longer returned (default: only current ones). */
  includeRemoved?: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listAssetPage(
  db: Database,
  tenantId: string,
  filter: AssetSearch,
  page: { limit: number; after?: { key: string; connectionId: string } },
): Promise<{ rows: AssetRow[]; hasMore: boolean }> {
  const where: SQL[] = [eq(assets.tenantId, tenantId)];
  if (filter.kind?.length) where.push(inArray(assets.kind, filter.kind));
  if (filter.provider?.length) where.push(inArray(assets.provider, filter.provider));
  if (filter.connectionId)
    where.push(
      uuidPattern.test(filter.connectionId) ? eq(assets.connectionId, filter.connectionId) : sql`false`,
    );
  if (!filter.includeRemoved) where.push(isNull(assets.removedAt));
  if (page.after && uuidPattern.test(page.after.connectionId))
    where.push(
      sql`(${assets.key}, ${assets.connectionId}) > (${page.after.key}, ${page.after.connectionId}::uuid)`,
    );
  const rows = await db
    .select()
    .from(assets)
    .where(and(...where))
    .orderBy(asc(assets.key), asc(assets.connectionId))
    .limit(page.limit + 1);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}
