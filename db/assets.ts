/**
 * Current state of every asset, keyed by connection and asset key. One multi-row upsert per
 * batch; `last_scan_id` records which scan last saw it, which reconcile relies on.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Asset, assetKey } from '../scanner/model.ts';
import type { Database } from './client.ts';
import { assets } from './schema.ts';

export interface AssetScope {
  tenantId: string;
  connectionId: string;
  scanId: string;
  stream: string;
}

export async function upsertAssets(
  db: Database,
  scope: AssetScope,
  batch: Asset[],
  seenAt: Date,
): Promise<void> {
  if (batch.length === 0) return;
  const unique = new Map<string, Asset>();
  for (const asset of batch) unique.set(assetKey(asset), asset); // one row per key even if a page repeats
  const rows = [...unique.entries()].map(([key, asset]) => ({
    tenantId: scope.tenantId,
    connectionId: scope.connectionId,
    key,
    provider: asset.provider,
    kind: asset.kind,
    externalId: asset.externalId,
    name: asset.name,
    url: asset.url,
    stream: scope.stream,
    data: asset as unknown as Record<string, unknown>,
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    lastScanId: scope.scanId,
  }));
  await db
    .insert(assets)
    .values(rows)
    .onConflictDoUpdate({
      target: [assets.connectionId, assets.key],
      set: {
        name: sql`excluded.name`,
        url: sql`excluded.url`,
        stream: sql`excluded.stream`,
        data: sql`excluded.data`,
        lastSeenAt: sql`excluded.last_seen_at`,
        lastScanId: sql`excluded.last_scan_id`,
        removedAt: sql`null`,
      },
    });
}

/** After a stream completed: what it did not return this scan is gone from the vendor. */
export async function markRemovedAssets(db: Database, scope: AssetScope, at: Date): Promise<number> {
  const removed = await db
    .update(assets)
    .set({ removedAt: at })
    .where(
      and(
        eq(assets.connectionId, scope.connectionId),
        eq(assets.stream, scope.stream),
        ne(assets.lastScanId, scope.scanId),
        isNull(assets.removedAt),
      ),
    )
    .returning({ key: assets.key });
  return removed.length;
}

export type AssetRow = typeof assets.$inferSelect;

export async function listAssets(
  db: Database,
  tenantId: string,
  filter: { kind?: string; connectionId?: string; includeRemoved?: boolean } = {},
): Promise<AssetRow[]> {
  const conditions = [eq(assets.tenantId, tenantId)];
  if (filter.kind) conditions.push(eq(assets.kind, filter.kind));
  if (filter.connectionId) conditions.push(eq(assets.connectionId, filter.connectionId));
  if (!filter.includeRemoved) conditions.push(isNull(assets.removedAt));
  return db
    .select()
    .from(assets)
    .where(and(...conditions))
    .orderBy(assets.key);
}
