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
    key,
    provider: asset.provider,
    kind: asset.kind,
    external_id: asset.externalId,
    name: asset.name,
    url: asset.url,
    data: asset,
  }));
  // One JSON parameter expanded by jsonb_to_recordset: building a multi-row VALUES list through
  // the query builder cost more CPU than the database spent on the rows (see bench/github).
  await db.execute(sql`
    insert into assets (tenant_id, connection_id, key, provider, kind, external_id, name, url, stream, data,
                        first_seen_at, last_seen_at, last_scan_id)
    select ${scope.tenantId}::uuid, ${scope.connectionId}::uuid, r.key, r.provider, r.kind, r.external_id,
           r.name, r.url, ${scope.stream}, r.data, ${seenAt.toISOString()}::timestamptz,
           ${seenAt.toISOString()}::timestamptz, ${scope.scanId}::uuid
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(key text, provider text, kind text, external_id text, name text, url text, data jsonb)
    on conflict (connection_id, key) do update set
      name = excluded.name, url = excluded.url, stream = excluded.stream, data = excluded.data,
      last_seen_at = excluded.last_seen_at, last_scan_id = excluded.last_scan_id, removed_at = null`);
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

export interface RemovedAsset {
  key: string;
  /** Remove only while the stored asset still has this owner. */
  owner?: string;
}

/**
 * A delta pass's deletions: the vendor said these are gone. They count as covered by this scan
 * (last_scan_id), so reconcile resolves their findings. An asset this scan stored is skipped:
 * it moved (another drive, another owner) rather than disappeared.
 */
export async function markAssetsRemoved(
  db: Database,
  scope: AssetScope,
  gone: RemovedAsset[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < gone.length; i += 1000) {
    const slice = gone.slice(i, i + 1000);
    const rows = JSON.stringify(slice.map((g) => ({ key: g.key, owner: g.owner ?? null })));
    await db.execute(sql`
      update assets a set removed_at = ${at.toISOString()}::timestamptz, last_scan_id = ${scope.scanId}::uuid
      from jsonb_to_recordset(${rows}::jsonb) as r(key text, owner text)
      where a.connection_id = ${scope.connectionId}::uuid and a.key = r.key and a.removed_at is null
        and a.last_scan_id <> ${scope.scanId}::uuid
        and (r.owner is null or a.data->>'owner' = r.owner)`);
  }
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
