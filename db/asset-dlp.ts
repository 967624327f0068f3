/**
 * DLP results live on the file asset (`data.dlp`), so rules read them like any other field.
 * A rescan carries the stored result over when the file has not changed since it was inspected.
 */
import { and, eq, sql } from 'drizzle-orm';
import { assetKey, type FileAsset } from '../scanner/model.ts';
import type { Database } from './client.ts';
import { assets } from './schema.ts';

export type StoredDlp = NonNullable<FileAsset['dlp']>;

export async function findAssetRow(db: Database, tenantId: string, connectionId: string, key: string) {
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.tenantId, tenantId), eq(assets.connectionId, connectionId), eq(assets.key, key)));
  return row;
}

/** The version a DLP result belongs to: the file's modification time (its content changes with it). */
export function contentVersion(file: Pick<FileAsset, 'modifiedAt' | 'sizeBytes'>): string | null {
  return file.modifiedAt ? `${file.modifiedAt}/${file.sizeBytes ?? ''}` : null;
}

export async function saveDlpResult(
  db: Database,
  connectionId: string,
  key: string,
  dlp: StoredDlp,
): Promise<void> {
  await db
    .update(assets)
    .set({ data: sql`jsonb_set(${assets.data}, '{dlp}', ${JSON.stringify(dlp)}::jsonb)` })
    .where(and(eq(assets.connectionId, connectionId), eq(assets.key, key)));
}

/** Stored DLP results for these file keys, to carry over onto unchanged files. */
export async function loadStoredDlp(
  db: Database,
  connectionId: string,
  keys: string[],
): Promise<Map<string, StoredDlp>> {
  if (keys.length === 0) return new Map();
  // Keys as one JSON parameter: a thousand bound parameters cost more to build than the lookup.
  const rows = await db
    .select({ key: assets.key, dlp: sql<StoredDlp | null>`${assets.data}->'dlp'` })
    .from(assets)
    .where(
      and(
        eq(assets.connectionId, connectionId),
        sql`${assets.key} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
      ),
    );
  const found = new Map<string, StoredDlp>();
  for (const row of rows) if (row.dlp && row.dlp.status !== 'not_inspected') found.set(row.key, row.dlp);
  return found;
}

/**
 * Puts the stored DLP result back on files that have not changed since they were inspected.
 * Returns the keys of files inspected at some point: only those can hold a content finding.
 */
export async function carryOverDlp(
  db: Database,
  connectionId: string,
  files: FileAsset[],
): Promise<Set<string>> {
  const unknown = files.filter((f) => f.dlp === null);
  const stored = await loadStoredDlp(db, connectionId, unknown.map(assetKey));
  for (const file of unknown) {
    const previous = stored.get(assetKey(file));
    const version = contentVersion(file);
    if (previous && version && previous.inspectedVersion === version) file.dlp = previous;
  }
  const inspected = new Set(stored.keys());
  for (const file of files)
    if (file.dlp !== null && file.dlp.status !== 'not_inspected') inspected.add(assetKey(file));
  return inspected;
}
